// Conversations written before the conversation-aware estimator, and used to shape it (see ../README.md).
import type { LabelledConversation, Turn } from './types';

const u = (content: string): Turn => ({ role: 'user', content });
const a = (content: string): Turn => ({ role: 'assistant', content });

const DESIGN = [
  u('Design a multi-region active-active database replication scheme with conflict resolution and bounded staleness guarantees.'),
  a('Here is a design: each region accepts writes; a hybrid logical clock orders them; CRDT registers resolve conflicts [...] staleness is bounded by a 2 s anti-entropy cycle.'),
];
const PROOF = [
  u('Prove that every finite integral domain is a field.'),
  a('Let D be a finite integral domain and a ≠ 0. The map x ↦ ax is injective because D has no zero divisors [...] so it is surjective and some b has ab = 1.'),
];
const QUEUE = [
  u('Implement a lock-free multi-producer multi-consumer queue in C++ with the correct memory orderings, and explain why it is ABA-safe.'),
  a('Below is a bounded MPMC queue based on Vyukov\'s design: each cell carries a sequence number [...] acquire/release on the sequence makes it ABA-safe.'),
];
const MIGRATION = [
  u('Plan a 12-week migration of our monolith (Rails, Postgres, 40 engineers) to services, without downtime, with milestones, risks and rollback points for each phase.'),
  a('Phase 1 (weeks 1–3): strangler facade and shared auth [...] Phase 4 (weeks 10–12): data ownership split, with dual writes and a rollback to the monolith at every step.'),
];
const FUNCTION = [
  u('Write a Python function that returns the n-th Fibonacci number.'),
  a('```python\ndef fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n```'),
];
const EMAIL = [
  u('Write a short email to my landlord asking to fix the heating this week.'),
  a('Subject: Heating repair\n\nHi Mr. Ortiz, the heating in flat 4 stopped working on Monday [...] Could someone come by this week? Thanks, Ana'),
];
const CAPITAL = [
  u('what is the capital of australia'),
  a('Canberra.'),
];
const CONVERT = [
  u('How many ounces in a pound?'),
  a('16 ounces.'),
];
const SONNET = [
  u('Translate Shakespeare\'s Sonnet 18 into French alexandrines, keeping the rhyme scheme ABAB CDCD EFEF GG.'),
  a('Te comparerai-je au jour d\'été si doux ? [...] (14 alexandrins, rimes ABAB CDCD EFEF GG)'),
];
const STATS = [
  u('Our A/B test shows a 3% lift in conversion but the treatment group also had more mobile users. Work out whether the lift is real: what analysis would separate the device mix from the treatment effect, and what would make you trust it?'),
  a('Stratify by device and compute the lift within each stratum [...] a regression with a device × treatment interaction, and a check for sample ratio mismatch.'),
];
const TRIP = [
  u('Plan a 3-day trip to Lisbon for two people who like food and walking.'),
  a('Day 1: Alfama and the castle, dinner in Mouraria [...] Day 3: Belém, pastéis, LX Factory.'),
];
const EXPLAIN = [
  u('Explain how HTTPS works.'),
  a('The browser and server run a TLS handshake: they agree on a cipher, the server proves its identity with a certificate [...] then a symmetric key encrypts the traffic.'),
];
const CHAT = [
  u('hey how are you'),
  a('I\'m doing well, thanks! How can I help today?'),
];
const SQL = [
  u('Write a SQL query that lists customers who ordered in the last 30 days.'),
  a('```sql\nSELECT DISTINCT c.*\nFROM customers c JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= now() - interval \'30 days\';\n```'),
];
const RACE = [
  u('Our Go service deadlocks about once a day under load. Goroutine dumps show two goroutines waiting on each other\'s mutex through a channel send. Here is the structure: the cache refresher holds mu while sending on updates; the consumer holds stateMu and calls cache.Get, which takes mu. Find the cycle and restructure it so it cannot recur.'),
  a('The cycle is refresher(mu) → send on updates → consumer(stateMu) → cache.Get(mu). Release mu before sending [...] or make Get lock-free with an atomic.Value snapshot.'),
];

export const tuning: LabelledConversation[] = [
  // Continuing or extending a complex task stays complex.
  { turns: DESIGN, message: 'Now add failover to it.', label: 'complex' },
  { turns: DESIGN, message: 'continue', label: 'complex' },
  { turns: DESIGN, message: 'What happens under a network partition between two regions?', label: 'complex' },
  { turns: DESIGN, message: 'why hybrid logical clocks and not vector clocks?', label: 'complex' },
  { turns: DESIGN, message: 'ok and how would you test that it actually bounds staleness', label: 'complex' },
  { turns: DESIGN, message: 'Thanks, this is great!', label: 'simple' },
  { turns: DESIGN, message: 'Put the component names in bold.', label: 'simple' },
  { turns: DESIGN, message: 'Summarise that in three bullet points for my manager.', label: 'moderate' },
  { turns: DESIGN, message: 'Unrelated: what is 15% of 80?', label: 'simple' },
  { turns: DESIGN, message: 'btw what time zone is Lisbon in?', label: 'simple' },
  { turns: PROOF, message: 'Why is the map injective?', label: 'complex' },
  { turns: PROOF, message: 'Does the same argument work for infinite integral domains? If not, give a counterexample and explain where it breaks.', label: 'complex' },
  { turns: PROOF, message: 'go on', label: 'complex' },
  { turns: PROOF, message: 'Now prove the converse.', label: 'complex' },
  { turns: PROOF, message: 'Can you write that in LaTeX?', label: 'simple' },
  { turns: PROOF, message: 'nice', label: 'simple' },
  { turns: PROOF, message: 'Explain it like I am 15.', label: 'moderate' },
  { turns: QUEUE, message: 'Make it unbounded.', label: 'complex' },
  { turns: QUEUE, message: 'Is it still correct on ARM?', label: 'complex' },
  { turns: QUEUE, message: 'Keep going, you stopped in the middle of dequeue.', label: 'complex' },
  { turns: QUEUE, message: 'rename the class to RingQueue', label: 'simple' },
  { turns: QUEUE, message: 'Write a stress test for it that would catch a lost element.', label: 'complex' },
  { turns: QUEUE, message: 'Add comments to every line.', label: 'moderate' },
  { turns: MIGRATION, message: 'What if we only have 6 weeks?', label: 'complex' },
  { turns: MIGRATION, message: 'Expand phase 3.', label: 'complex' },
  { turns: MIGRATION, message: 'Now do the same for the mobile team, they have 8 engineers and a React Native app.', label: 'complex' },
  { turns: MIGRATION, message: 'Turn it into a table.', label: 'simple' },
  { turns: MIGRATION, message: 'Write the announcement email for the engineers.', label: 'moderate' },
  { turns: MIGRATION, message: 'perfect, thank you so much', label: 'simple' },
  { turns: SONNET, message: 'Do the same with Sonnet 130.', label: 'complex' },
  { turns: SONNET, message: 'The third quatrain does not rhyme. Fix it without breaking the metre.', label: 'complex' },
  { turns: SONNET, message: 'And in Spanish?', label: 'complex' },
  { turns: SONNET, message: 'What does "alexandrine" mean?', label: 'simple' },
  { turns: STATS, message: 'Write the regression in R.', label: 'moderate' },
  { turns: STATS, message: 'What if the ratio mismatch check fails?', label: 'complex' },
  { turns: STATS, message: 'and if the test only ran for 4 days, does that change your answer', label: 'complex' },
  { turns: RACE, message: 'Show me the fixed code.', label: 'complex' },
  { turns: RACE, message: 'Would a RWMutex have avoided it?', label: 'complex' },
  { turns: RACE, message: 'How do I get a goroutine dump again?', label: 'simple' },
  { turns: [...DESIGN, u('Now add failover to it.'), a('Failover: each region runs a health checker [...] a region is fenced with an epoch before another takes its writes.')], message: 'continue', label: 'complex' },
  { turns: [...DESIGN, u('Now add failover to it.'), a('Failover: [...]')], message: 'What about split brain?', label: 'complex' },
  { turns: [...QUEUE, u('Make it unbounded.'), a('An unbounded variant links segments of cells [...] hazard pointers reclaim old segments.')], message: 'and the memory reclamation part in more detail please', label: 'complex' },

  // Moderate tasks: follow-ups stay moderate, edits are simple.
  { turns: FUNCTION, message: 'Now make it recursive.', label: 'moderate' },
  { turns: FUNCTION, message: 'And in JavaScript?', label: 'moderate' },
  { turns: FUNCTION, message: 'Add type hints.', label: 'simple' },
  { turns: FUNCTION, message: 'Why does it start with a, b = 0, 1?', label: 'moderate' },
  { turns: FUNCTION, message: 'Now make it O(log n) and prove that the matrix method is correct.', label: 'complex' },
  { turns: FUNCTION, message: 'thx', label: 'simple' },
  { turns: FUNCTION, message: 'write tests for it', label: 'moderate' },
  { turns: EMAIL, message: 'Make it more polite.', label: 'moderate' },
  { turns: EMAIL, message: 'Change the name to Ana Ruiz.', label: 'simple' },
  { turns: EMAIL, message: 'Now one to my insurance about the water damage from the same leak.', label: 'moderate' },
  { turns: EMAIL, message: 'shorter', label: 'moderate' },
  { turns: EMAIL, message: 'Translate it to Spanish.', label: 'simple' },
  { turns: TRIP, message: 'What if it rains on day 2?', label: 'moderate' },
  { turns: TRIP, message: 'Add restaurant suggestions for each evening.', label: 'moderate' },
  { turns: TRIP, message: 'Is the castle open on Mondays?', label: 'simple' },
  { turns: TRIP, message: 'now do it for Porto, same style', label: 'moderate' },
  { turns: EXPLAIN, message: 'Go deeper on the handshake.', label: 'moderate' },
  { turns: EXPLAIN, message: 'what is a certificate authority?', label: 'moderate' },
  { turns: EXPLAIN, message: 'And how does TLS 1.3 differ?', label: 'moderate' },
  { turns: EXPLAIN, message: 'Now explain how a downgrade attack on TLS 1.2 works and how 1.3 prevents it, step by step with the messages exchanged.', label: 'complex' },
  { turns: EXPLAIN, message: 'Cool, got it.', label: 'simple' },
  { turns: SQL, message: 'Also include how much each one spent.', label: 'moderate' },
  { turns: SQL, message: 'Now only the ones from Spain.', label: 'moderate' },
  { turns: SQL, message: 'Uppercase the keywords.', label: 'simple' },
  { turns: SQL, message: 'It is slow on 200M orders. Why, and what indexes or rewrite would fix it?', label: 'complex' },
  { turns: STATS, message: 'Great, thanks!', label: 'simple' },

  // Simple threads stay simple.
  { turns: CAPITAL, message: 'and brazil?', label: 'simple' },
  { turns: CAPITAL, message: 'Why not Sydney?', label: 'moderate' },
  { turns: CAPITAL, message: 'how many people live there', label: 'simple' },
  { turns: CAPITAL, message: 'ok thanks', label: 'simple' },
  { turns: [...CAPITAL, u('and brazil?'), a('Brasília.')], message: 'and canada', label: 'simple' },
  { turns: CONVERT, message: 'And in a kilogram?', label: 'simple' },
  { turns: CONVERT, message: 'So what is 3.5 pounds in ounces?', label: 'simple' },
  { turns: CONVERT, message: 'Why 16 and not 10?', label: 'moderate' },
  { turns: CHAT, message: 'good! what should I cook tonight, I have eggs and spinach', label: 'simple' },
  { turns: CHAT, message: 'Can you help me prove that the halting problem is undecidable?', label: 'complex' },
  { turns: CHAT, message: 'I need a business plan for a bakery: costs, pricing, a 3-year cash-flow forecast and the risks, for a loan application.', label: 'complex' },
  { turns: CHAT, message: 'write me a haiku about autumn', label: 'moderate' },
  { turns: CHAT, message: 'lol same', label: 'simple' },

  // Follow-ups that carry their own material are judged on it.
  { turns: FUNCTION, message: 'It fails with this:\n```\nTraceback (most recent call last):\n  File "fib.py", line 7, in <module>\n    print(fib("10"))\n  File "fib.py", line 3, in fib\n    for _ in range(n):\nTypeError: \'str\' object cannot be interpreted as an integer\n```', label: 'simple' },
  { turns: DESIGN, message: 'Here is our current schema, fix the typos in the column names:\n```\nCREATE TABLE acounts (id uuid, balanse numeric, regoin text);\n```', label: 'simple' },
  { turns: CHAT, message: 'Here is my code. It works but it is slow for big inputs, why?\n```python\ndef dedupe(xs):\n    out = []\n    for x in xs:\n        if x not in out:\n            out.append(x)\n    return out\n```', label: 'moderate' },

  // Other languages.
  { turns: [u('Diseña un sistema de colas distribuido con entrega exactamente una vez y tolerancia a particiones.'), a('Propuesta: un log replicado con Raft [...] idempotencia por clave de deduplicación.')], message: 'continúa', label: 'complex' },
  { turns: [u('Entwirf ein verteiltes Sperrprotokoll mit Fencing-Tokens für ein Cluster aus fünf Knoten.'), a('Jeder Client erhält vom Koordinator ein monoton steigendes Token [...]')], message: 'Und was passiert, wenn der Koordinator abstürzt?', label: 'complex' },
  { turns: [u('Quelle est la capitale du Canada ?'), a('Ottawa.')], message: 'et du Mexique ?', label: 'simple' },
  { turns: [u('证明根号2是无理数。'), a('假设√2 = p/q 为既约分数 [...] 矛盾。')], message: '继续', label: 'complex' },
  { turns: [u('Напиши функцию на Python, которая переворачивает строку.'), a('```python\ndef reverse(s):\n    return s[::-1]\n```')], message: 'спасибо!', label: 'simple' },
  { turns: [u('Explique a diferença entre TCP e UDP.'), a('O TCP garante entrega e ordem [...] o UDP não.')], message: 'e quando usar cada um?', label: 'moderate' },
  { turns: [u('分散トランザクションの2相コミットと Saga パターンを、障害時の一貫性の観点から詳しく比較してください。'), a('2PC はコーディネーター障害時にブロックします [...] Saga は補償トランザクションで最終的整合性を得ます。')], message: 'もっと詳しく', label: 'complex' },
];
