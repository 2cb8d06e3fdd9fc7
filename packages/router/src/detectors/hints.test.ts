// Secret rules and markings carry hints: literals every match contains, checked (cheaply) before
// their patterns run. A wrong hint would silently switch a rule off, so: every rule fires on an
// example of its own, and wherever a pattern matches — in those examples and across the labelled
// benchmark — its hint is found too.
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../eval/classify/dataset';
import { seeded } from '../../test/obfuscate';
import { MARKINGS } from './markings';
import { SECRET_RULES } from './secret-rules';
import { mayHold } from './secrets';
import { TextView } from './text-view';

const r = seeded(99);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const s = (n: number, alphabet = ALNUM) => r.chars(alphabet, n);

/** At least one example for every secret rule (the test checks each rule matches one). */
const SECRET_EXAMPLES = [
  `key AKIA${s(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')} and ASIA${s(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  `aws_secret_access_key = ${s(40)}`,
  `Secret Key: "${s(40)}"`,
  `AIza${s(35)}`,
  `-----BEGIN OPENSSH PRIVATE KEY-----\n${s(64)}\n-----END OPENSSH PRIVATE KEY-----`,
  'PuTTY-User-Key-File-3: ssh-ed25519',
  `npm_${s(36)}`,
  `//registry.npmjs.org/:_authToken=${s(36)}`,
  `xoxb-${s(12, HEX)}-${s(24)} xapp-1-${s(30)}`,
  `https://hooks.slack.com/services/T${s(10)}/B${s(10)}/${s(24)}`,
  `SG.${s(22)}.${s(43)}`,
  `shpat_${s(32, HEX)}`,
  `sk_live_${s(24)} rk_test_${s(24)}`,
  `ghp_${s(36)} github_pat_${s(82)}`,
  `glpat-${s(20)} gldt-${s(20)}`,
  `glsa_${s(32)}_${s(8, HEX)} glc_${s(40)}`,
  `sk-ant-api03-${s(90)}`,
  `sk-proj-${s(60)}`,
  `gsk_${s(52)}`,
  `hf_${s(34)}`,
  `lin_api_${s(40)}`,
  `ntn_${s(11, '0123456789')}${s(35)} secret_${s(43)}`,
  `ops_ey${s(120)}`,
  `hvs.${s(90)}`,
  `vcp_${s(24)}`,
  `dapi${s(32, HEX)}`,
  `dckr_pat_${s(27)}`,
  `figd_${s(40)}`,
  `cfut_${s(44)}`,
  `tskey-auth-${s(12)}-${s(30)}`,
  `postgres://app:${s(12)}@db.internal:5432/prod`,
  `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${s(86)}==`,
  `https://acme.blob.core.windows.net/c?sv=2022&sig=${s(40)}`,
  `SK${s(32, HEX)}`,
  `key-${s(32, HEX)}`,
  `${s(32, HEX)}-us14`,
  `sq0atp-${s(22)} EAAA${s(60)}`,
  `dop_v1_${s(64, HEX)}`,
  `pypi-AgEIcHlwaS5vcmc${s(60)}`,
  `M${s(23)}.${s(6)}.${s(27)}`,
  `https://discord.com/api/webhooks/${s(18, '0123456789')}/${s(68)}`,
  `${s(9, '0123456789')}:AA${s(33)}`,
  `ATATT3${s(180)}`,
  `eyJ${s(20)}.eyJ${s(30)}.${s(43)}`,
  `Authorization: Bearer ${s(40)}`,
  `client_secret = "${s(32)}"`,
  `STRIPE_WEBHOOK_SECRET=${s(32)}`,
];

/** Phrases for the alternatives of every marking pattern. */
const MARKING_EXAMPLES = [
  'CONFIDENTIAL', 'VERTRAULICH', 'Strictly confidential', 'Confidential:', '** Streng vertraulich **', 'Riservato', 'Vertrouwelijk',
  'company confidential', 'private and proprietary', 'private & privileged', 'this memo is confidential', 'labelled as confidential',
  'covered by an NDA', 'subject to the non-disclosure agreement', 'NDA-protected', 'attorney-client privileged', 'legally privileged',
  'attorney work product', 'INTERNAL', 'internal use only', 'Not for external distribution', 'not for public release', 'nur intern',
  'usage interne', 'solo per uso interno', 'alleen voor intern gebruik', 'do not forward', 'not for distribution',
  'proprietary information', 'PROPRIETARY', 'Proprietary and internal', 'CONFIDENCIAL', 'ne pas diffuser',
];

const CORPUS = [...SECRET_EXAMPLES, ...MARKING_EXAMPLES, ...[7, 424242].flatMap((seed) => {
  const data = buildDataset(seed);
  return [...data.messages.flatMap((m) => [m.message, ...(m.history ?? []).map((t) => t.content)]), ...data.documents.map((d) => d.text)];
})];
const matches = (pattern: RegExp, text: string) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text);

describe('hints never hide a match', () => {
  it('every secret rule fires on an example of its own', () => {
    const silent = SECRET_RULES.filter((rule) => !SECRET_EXAMPLES.some((text) => matches(rule.pattern, text))).map((rule) => rule.pattern.source);
    expect(silent).toEqual([]);
  });

  it('every marking pattern fires on an example of its own', () => {
    const silent = MARKINGS.flatMap((m) => m.patterns).filter((pattern) => !MARKING_EXAMPLES.some((text) => matches(pattern, text))).map((p) => p.source);
    expect(silent).toEqual([]);
  });

  it(`wherever a pattern matches (${CORPUS.length} texts), its hint is found`, () => {
    const hidden: string[] = [];
    for (const text of CORPUS) {
      const view = new TextView(text);
      for (const rule of SECRET_RULES) if (matches(rule.pattern, text) && !mayHold(rule, view)) hidden.push(`${rule.kind}: ${text.slice(0, 60)}`);
      for (const marking of MARKINGS) {
        if (marking.patterns.some((p) => matches(p, text)) && !view.mayContain(marking.hint, true)) hidden.push(`${marking.kind}: ${text.slice(0, 60)}`);
      }
    }
    expect(hidden).toEqual([]);
  });
});

describe('TextView.mayContain', () => {
  it('finds what is there, in any case when asked', () => {
    const view = new TextView('Der GitLab-Schlüssel glpat-9lD22 steht im Wiki');
    expect(view.mayContain(['glpat-'])).toBe(true);
    expect(view.mayContain(['GLPAT-'])).toBe(false);
    expect(view.mayContain(['GLPAT-'], true)).toBe(true);
    expect(view.mayContain(['x', 'Wiki'])).toBe(true);
  });

  it('rules out what is not there', () => {
    const view = new TextView('A'.repeat(10_000));
    expect(view.mayContain(['AKIA', 'EAAA', 'ATATT3'])).toBe(false);
    expect(view.mayContain(['AA'])).toBe(true);
    expect(view.mayContain(['K'])).toBe(false);
  });
});
