import { scoreHeldOut } from './eval/classify/evaluate';
import { MULTILINGUAL } from './eval/classify/multilingual';
import { MULTILINGUAL_FRESH } from './eval/classify/multilingual-fresh';
import { HELD_OUT_FRESH } from './eval/classify/evaluate';
for (const set of [MULTILINGUAL, MULTILINGUAL_FRESH, undefined, HELD_OUT_FRESH]) {
  const r = scoreHeldOut(set);
  console.log(JSON.stringify(r.summary));
  for (const m of r.misses.sensitiveMissed) console.log('MISS', m.id, m.got, m.excerpt);
  for (const m of r.misses.ordinaryFlagged) console.log('FLAG', m.id, m.got, m.kinds.join(','), m.excerpt);
}
