// The labelled complexity set: every domain file under data/, flattened, with a fixed split.
// An item is held out for testing when a hash of its text falls in the lowest 30%, so the split
// never changes when prompts are added elsewhere and nobody picks which items are held out.
import { COMPLEXITIES } from '../../src/types';
import { advice } from './data/advice';
import { analysis } from './data/analysis';
import { business } from './data/business';
import { chitchat } from './data/chitchat';
import { code } from './data/code';
import { data } from './data/data';
import { devops } from './data/devops';
import { education } from './data/education';
import { lookup } from './data/lookup';
import { math } from './data/math';
import { multipart } from './data/multipart';
import { planning } from './data/planning';
import { science } from './data/science';
import { summarisation } from './data/summarisation';
import { translation } from './data/translation';
import { writing } from './data/writing';
import * as more from './data/more/index';
import { fourth } from './data/fourth/index';
import { hard } from './data/third/hard';
import { multilingual } from './data/third/multilingual';
import type { Domain, DomainPrompts, LabelledPrompt } from './types';

/**
 * Each domain's batches in the order they were written: batch 1 (data/*.ts, the first twelve
 * domains), batch 2 (data/more/*.ts and the four domains added with it), batch 3 (data/third:
 * hard cases by domain, and prompts in other languages), batch 4 (data/fourth: everyday topics
 * the others touched little). A batch is appended after the ones before it, so earlier ids never
 * move.
 */
const none: DomainPrompts = { simple: [], moderate: [], complex: [] };
const byDomainBeforeThird: Record<Exclude<Domain, 'multilingual'>, DomainPrompts[]> = {
  code: [code, more.code],
  math: [math, more.math],
  writing: [writing, more.writing],
  analysis: [analysis, more.analysis],
  planning: [planning, more.planning],
  lookup: [lookup, more.lookup],
  chitchat: [chitchat, more.chitchat],
  multipart: [multipart, more.multipart],
  translation: [translation, more.translation],
  summarisation: [summarisation, more.summarisation],
  data: [data, more.data],
  science: [science, more.science],
  advice: [none, advice],
  business: [none, business],
  devops: [none, devops],
  education: [none, education],
};
const byDomain: Record<Domain, DomainPrompts[]> = {
  ...(Object.fromEntries(
    Object.entries(byDomainBeforeThird).map(([domain, batches]) => [domain, [...batches, hard[domain] ?? none, fourth[domain] ?? none]]),
  ) as Record<Exclude<Domain, 'multilingual'>, DomainPrompts[]>),
  multilingual: [none, none, multilingual, none],
};

export const TEST_SHARE = 0.3;

/** FNV-1a over the UTF-16 code units: small, stable across platforms, good enough to shuffle. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const prompts: LabelledPrompt[] = Object.entries(byDomain).flatMap(([domain, batches]) =>
  COMPLEXITIES.flatMap((label) =>
    batches
      .flatMap((batch, batchIndex) => batch[label].map((text) => ({ text, batch: batchIndex + 1 })))
      .map(({ text, batch }, index) => ({
        id: `${domain}-${label}-${index}`,
        domain: domain as Domain,
        label,
        text,
        batch,
        split: (fnv1a(text) % 1000) / 1000 < TEST_SHARE ? ('test' as const) : ('train' as const),
      })),
  ),
);

export const trainSet = prompts.filter((prompt) => prompt.split === 'train');
export const testSet = prompts.filter((prompt) => prompt.split === 'test');
