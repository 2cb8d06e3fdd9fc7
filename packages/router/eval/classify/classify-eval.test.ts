// The sensitivity benchmark of issue 12: first that the data is what it claims to be (sizes,
// coverage, valid checksums, deterministic), then the targets the detectors must meet.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, techniquesFor, VARIANTS_PER_TECHNIQUE, VARIANTS_PLAIN } from './dataset';
import { HELD_OUT_FRESH, runClassifyEval, scoreHeldOut, TARGETS, type ClassifyEvalResult } from './evaluate';
import { HELD_OUT } from './heldout';
import { localeStrings, scoreStrings } from './installed';
import { MULTILINGUAL } from './multilingual';
import { MULTILINGUAL_FRESH } from './multilingual-fresh';
import { CONFIDENTIAL_DOCUMENT_KINDS, ORDINARY_DOCUMENT_KINDS } from './documents';
import { FAMILIES, familyById } from './families';
import { DEFAULT_SEED } from './random';
import { TECHNIQUES } from './techniques';
import { bsnValid, cpfValid, dniValid, ibanValid, luhnValid, nirValid, verhoeffCheckDigit, verhoeffValid } from './values';

const dataset = buildDataset(DEFAULT_SEED);
const sensitive = dataset.messages.filter((m) => m.group === 'sensitive');
const ordinary = dataset.messages.filter((m) => m.group === 'ordinary');

describe('classify benchmark data', () => {
  it('holds at least 1,000 sensitive messages, 300 ordinary ones and 60 documents', () => {
    expect(sensitive.length).toBeGreaterThanOrEqual(1000);
    expect(ordinary.length).toBeGreaterThanOrEqual(300);
    expect(dataset.documents.length).toBeGreaterThanOrEqual(60);
    expect(new Set(dataset.messages.map((m) => m.id)).size).toBe(dataset.messages.length);
  });

  it('covers every detector family with every technique that applies to it', () => {
    for (const family of FAMILIES) {
      const techniques = techniquesFor(family);
      // Every family is tested with the character-level tricks, the encodings and the split conversation.
      expect(techniques).toEqual(expect.arrayContaining(['plain', 'zero_width', 'soft_hyphen', 'word_joiner', 'fullwidth', 'homoglyph', 'tag_characters', 'base64', 'hex', 'split_turns']));
      for (const technique of techniques) {
        const cell = sensitive.filter((m) => m.family === family.id && m.technique === technique);
        expect(cell.length, `${family.id} × ${technique}`).toBe(technique === 'plain' ? VARIANTS_PLAIN : VARIANTS_PER_TECHNIQUE);
      }
    }
    for (const technique of TECHNIQUES) expect(sensitive.some((m) => m.technique === technique), technique).toBe(true);
  });

  it('uses checksum helpers that agree with published examples', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('046454286')).toBe(true); // the sample SIN in Canada's guidance
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(dniValid('12345678Z')).toBe(true);
    expect(dniValid('12345678A')).toBe(false);
    expect(cpfValid('529.982.247-25')).toBe(true);
    expect(cpfValid('529.982.247-26')).toBe(false);
    expect(bsnValid('111222333')).toBe(true);
    expect(bsnValid('111222334')).toBe(false);
    expect(nirValid('2 55 08 14 168 025 38')).toBe(true);
    expect(nirValid('2 55 08 14 168 025 39')).toBe(false);
  });

  it('generates values that pass their issuer checks (Luhn, mod 97, Verhoeff, number ranges)', () => {
    for (const item of sensitive) {
      const family = familyById(item.family!);
      expect(family.valid(item.value!), `${item.id}: ${item.value}`).toBe(true);
    }
  });

  it('writes the value verbatim in plain messages and alters the message under every other technique', () => {
    for (const item of sensitive) {
      const whole = [...(item.history ?? []).map((turn) => turn.content), item.message].join('');
      if (item.technique === 'plain') expect(whole, item.id).toContain(item.value);
      else if (item.technique === 'split_turns') expect(item.history?.length, item.id).toBe(1);
      // Digits have no look-alikes: the context word ("SSN", "passport") carries them instead.
      else if (item.technique === 'homoglyph') expect(whole, item.id).toMatch(/[\u0370-\u03ff\u0400-\u04ff]/);
      else expect(whole, item.id).not.toContain(item.value);
    }
  });

  it('labels ordinary messages public and documents by kind', () => {
    expect(ordinary.every((m) => m.expected === 'public')).toBe(true);
    for (const doc of dataset.documents) {
      const confidentialKind = (CONFIDENTIAL_DOCUMENT_KINDS as readonly string[]).includes(doc.kind);
      expect(doc.expected === 'confidential', doc.id).toBe(confidentialKind);
    }
    expect(new Set(dataset.documents.map((d) => d.kind))).toEqual(new Set([...ORDINARY_DOCUMENT_KINDS, ...CONFIDENTIAL_DOCUMENT_KINDS]));
  });

  it('is the same for the same seed and different for another one', () => {
    expect(buildDataset(DEFAULT_SEED)).toEqual(dataset);
    const other = new Map(buildDataset(DEFAULT_SEED + 1).messages.map((m) => [m.id, m.message]));
    expect(sensitive.filter((m) => other.get(m.id) !== m.message).length).toBeGreaterThan(sensitive.length * 0.9);
  });
});

describe('classify benchmark targets (issue 12)', () => {
  let result: ClassifyEvalResult;
  beforeAll(async () => {
    result = await runClassifyEval(DEFAULT_SEED);
  }, 120_000);

  const firstMisses = <T>(items: T[]) => JSON.stringify(items.slice(0, 15), null, 1);

  it('classifies every message and labels every document without throwing', () => {
    expect(result.misses.errors, firstMisses(result.misses.errors)).toEqual([]);
  });

  it('chunks every document into several chunks, as the worker would', () => {
    for (const doc of result.documents) expect(doc.chunks, doc.case.id).toBeGreaterThanOrEqual(2);
    expect(result.report.counts.chunks).toBeGreaterThanOrEqual(3 * result.documents.length);
  });

  it(`finds at least ${TARGETS.confidentialRecall * 100}% of confidential messages`, () => {
    expect(result.report.summary.confidentialRecall, firstMisses(result.misses.sensitiveMissed)).toBeGreaterThanOrEqual(TARGETS.confidentialRecall);
  });

  it('finds every sensitive message under every technique', () => {
    for (const [technique, outcome] of Object.entries(result.report.perTechnique)) {
      const missed = result.misses.sensitiveMissed.filter((m) => m.technique === technique);
      expect(outcome.recall, `${technique}: ${firstMisses(missed)}`).toBe(TARGETS.recallPerTechnique);
    }
  });

  it(`labels at most ${TARGETS.ordinaryMessagesConfidential * 100}% of ordinary messages confidential`, () => {
    expect(result.report.summary.ordinaryMessagesConfidential, firstMisses(result.misses.ordinaryFlagged)).toBeLessThanOrEqual(TARGETS.ordinaryMessagesConfidential);
  });

  it(`labels at most ${TARGETS.ordinaryDocumentsConfidential * 100}% of ordinary documents confidential`, () => {
    const wrong = result.misses.documentsWrong.filter((d) => d.expected !== 'confidential');
    expect(result.report.summary.ordinaryDocumentsConfidential, firstMisses(wrong)).toBeLessThanOrEqual(TARGETS.ordinaryDocumentsConfidential);
  });

  it('labels every confidential document confidential', () => {
    const missed = result.misses.documentsWrong.filter((d) => d.expected === 'confidential');
    expect(result.report.summary.confidentialDocumentsFound, firstMisses(missed)).toBe(TARGETS.confidentialDocumentsFound);
  });
});

// The hand-written held-out batches (heldout.ts, heldout-fresh.ts): not generated, not the
// issue's targets, but a floor so a change that loses what they found is seen. The floors are the
// targets (recall 99%, ordinary confidential ≤ 2%) for the first batch, which drove fixes; the
// fresh batch keeps the figure it reached, one known miss.
describe('held-out batches', () => {
  const first = scoreHeldOut(HELD_OUT);
  const fresh = scoreHeldOut(HELD_OUT_FRESH);

  it('are independent, hand-written batches of the required size with unique ids', () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(150);
    expect(HELD_OUT.filter((c) => c.expected === 'public').length).toBeGreaterThanOrEqual(60);
    const ids = [...HELD_OUT, ...HELD_OUT_FRESH, ...MULTILINGUAL, ...MULTILINGUAL_FRESH].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.summary.errors + fresh.summary.errors).toBe(0);
  });

  it('heldout.ts: recall ≥ 99%, ordinary labelled confidential ≤ 2%', () => {
    expect(first.summary.recall, JSON.stringify(first.misses.sensitiveMissed)).toBeGreaterThanOrEqual(0.99);
    expect(first.summary.ordinaryConfidential, JSON.stringify(first.misses.ordinaryFlagged)).toBeLessThanOrEqual(0.02);
  });

  it('heldout-fresh.ts: recall ≥ 97%, no ordinary case labelled confidential', () => {
    expect(fresh.summary.recall, JSON.stringify(fresh.misses.sensitiveMissed)).toBeGreaterThanOrEqual(0.97);
    expect(fresh.summary.ordinaryConfidential, JSON.stringify(fresh.misses.ordinaryFlagged)).toBe(0);
  });

  it('translated user-interface text that packages ship (18 languages) is never labelled confidential', () => {
    const strings = localeStrings();
    expect(strings.length).toBeGreaterThan(5000);
    expect(scoreStrings(strings)).toMatchObject({ confidential: 0 });
  });

  // Other languages and scripts: passwords after the language's own word, national numbers next to
  // the word written beside them, letterheads and how-to text that must stay public.
  it.each([
    ['multilingual.ts', MULTILINGUAL],
    ['multilingual-fresh.ts', MULTILINGUAL_FRESH],
  ] as const)('%s: every sensitive message found, no ordinary one labelled confidential', (_name, cases) => {
    const scored = scoreHeldOut([...cases]);
    expect(scored.summary.errors).toBe(0);
    expect(scored.summary.recall, JSON.stringify(scored.misses.sensitiveMissed)).toBe(1);
    expect(scored.summary.ordinaryConfidential, JSON.stringify(scored.misses.ordinaryFlagged)).toBe(0);
  });
});
