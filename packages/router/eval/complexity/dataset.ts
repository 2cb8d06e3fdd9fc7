// The labelled complexity set: every domain file under data/, flattened, with a fixed split.
// An item is held out for testing when a hash of its text falls in the lowest 30%, so the split
// never changes when prompts are added elsewhere and nobody picks which items are held out.
import { COMPLEXITIES } from '../../src/types';
import { analysis } from './data/analysis';
import { chitchat } from './data/chitchat';
import { code } from './data/code';
import { data } from './data/data';
import { lookup } from './data/lookup';
import { math } from './data/math';
import { multipart } from './data/multipart';
import { planning } from './data/planning';
import { science } from './data/science';
import { summarisation } from './data/summarisation';
import { translation } from './data/translation';
import { writing } from './data/writing';
import type { Domain, DomainPrompts, LabelledPrompt } from './types';

const byDomain: Record<Domain, DomainPrompts> = {
  code,
  math,
  writing,
  analysis,
  planning,
  lookup,
  chitchat,
  multipart,
  translation,
  summarisation,
  data,
  science,
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

export const prompts: LabelledPrompt[] = Object.entries(byDomain).flatMap(([domain, groups]) =>
  COMPLEXITIES.flatMap((label) =>
    groups[label].map((text, index) => ({
      id: `${domain}-${label}-${index}`,
      domain: domain as Domain,
      label,
      text,
      split: (fnv1a(text) % 1000) / 1000 < TEST_SHARE ? ('test' as const) : ('train' as const),
    })),
  ),
);

export const trainSet = prompts.filter((prompt) => prompt.split === 'train');
export const testSet = prompts.filter((prompt) => prompt.split === 'test');
