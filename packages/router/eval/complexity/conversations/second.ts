// A second held-out batch of conversations, written without reading the estimator or the other batches (see ../README.md).
import type { LabelledConversation } from './types';

export const second: LabelledConversation[] = [
  {
    turns: [
      { role: 'user', content: "Design a multi-tenant job queue on Postgres for about 5k jobs/sec, with per-tenant fairness and at-least-once delivery." },
      { role: 'assistant', content: "[...] jobs table with FOR UPDATE SKIP LOCKED, visibility timeouts, round-robin over tenants via a tenant cursor table, partitioning by status [...]" },
    ],
    message: "ok now how do we guarantee a tenant with 10x the traffic can't starve the others when the workers scale down to 2?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "In Excel how do I get the last day of the month for a date in A2?" },
      { role: 'assistant', content: "=EOMONTH(A2,0)" },
    ],
    message: "and the first day?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "whats the derivative of x^2 sin x" },
      { role: 'assistant', content: "Product rule: 2x sin x + x^2 cos x." },
    ],
    message: "cool, now can you do the integral of x^2 sin x step by step? we're on integration by parts",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Is every finitely presented group with solvable word problem residually finite?" },
      { role: 'assistant', content: "No. Baumslag-Solitar BS(2,3) = <a, t | t a^2 t^-1 = a^3> is a one-relator group, so its word problem is solvable (Magnus), but it is non-Hopfian and hence, by Mal'cev, not residually finite." },
    ],
    message: "Walk me through why BS(2,3) is non-Hopfian: give the explicit surjective endomorphism, an explicit nontrivial element of its kernel, and prove that element is nontrivial (Britton's lemma is fine).",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what's the difference between type 1 and type 2 diabetes" },
      { role: 'assistant', content: "Type 1 is autoimmune: the pancreas stops making insulin. Type 2 is mainly insulin resistance [...]" },
    ],
    message: "my dad was just diagnosed with type 2 and his doctor put him on metformin. how does it actually work and what side effects should he look out for",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a cover letter for a junior data analyst role at a logistics company. I have a stats degree and an internship at a retailer." },
      { role: 'assistant', content: "[...]" },
      { role: 'user', content: "make it less stiff, it sounds like a robot" },
      { role: 'assistant', content: "[...]" },
    ],
    message: "perfect, thanks so much!!",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I am a freelance software developer operating through a GmbH in Germany. A US client wants me to sign their Master Services Agreement. What should I pay attention to?" },
      { role: 'assistant', content: "[...] IP assignment and pre-existing materials, governing law and venue, indemnification, limitation of liability, payment terms, termination [...]" },
    ],
    message: "Thank you. These are the relevant clauses: 'All Work Product, including any pre-existing materials incorporated therein, shall be the sole and exclusive property of Client.' and 'Contractor shall defend, indemnify and hold harmless Client from any and all claims arising out of or relating to the Services, without limitation.' Governing law is Delaware. How do these interact with my professional liability insurance and with German rules on unlimited liability in standard terms, and which redlines would you propose that protect me but keep the deal alive?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Come si dice 'cutting board' in italiano?" },
      { role: 'assistant', content: "Si dice 'tagliere'." },
    ],
    message: "E 'whisk'?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I have chicken thighs, rice, a lemon, garlic and a bag of spinach. dinner idea?" },
      { role: 'assistant', content: "Lemon-garlic chicken thighs over spinach rice: sear the thighs skin-down, [...]" },
    ],
    message: "sounds good, can you give me the full recipe for 4 with timings so everything is ready at the same time",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "how many grams of protein in 100g chicken breast" },
      { role: 'assistant', content: "About 31 g cooked, about 23 g raw." },
      { role: 'user', content: "and greek yogurt" },
      { role: 'assistant', content: "Roughly 10 g per 100 g for plain nonfat Greek yogurt." },
      { role: 'user', content: "ok unrelated but whats a good stretch for tight hip flexors, i sit all day" },
      { role: 'assistant', content: "The kneeling hip flexor stretch: one knee down, tuck the pelvis, shift forward gently [...]" },
    ],
    message: "how long should i hold it",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "We keep refresh tokens in localStorage in our SPA. Is that bad?" },
      { role: 'assistant', content: "It is risky: any XSS can read them. The usual alternatives are httpOnly cookies or a backend-for-frontend [...]" },
    ],
    message: "Context: React SPA on app.example.com, API on api.example.com, iOS and Android apps on the same API, and a third-party widget embedded via iframe that has to call the API on behalf of the user. Design the token/session architecture end to end: where each token lives, CSRF handling, rotation and revocation, and how the widget gets scoped access without being able to exfiltrate the user's main session.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Write a product description for our bamboo toothbrush, brand is EcoBrush, for the Shopify page" },
      { role: 'assistant', content: "[...]" },
    ],
    message: "put the features into a bulleted list and bold the brand name everywhere",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Write a LinkedIn post announcing our $12M Series A led by Northzone. We build scheduling software for clinics." },
      { role: 'assistant', content: "[...]" },
    ],
    message: "now rewrite it as a 4-tweet thread for X, more playful, less corporate",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Kun je uitleggen wat het verschil is tussen een eenmanszaak en een bv?" },
      { role: 'assistant', content: "Bij een eenmanszaak ben je privé aansprakelijk en betaal je inkomstenbelasting over de winst; een bv is een aparte rechtspersoon die vennootschapsbelasting betaalt [...]" },
    ],
    message: "Ik verwacht dit jaar ongeveer 90.000 euro winst als zzp'er. Wat zijn voor mij de belangrijkste voor- en nadelen van overstappen naar een bv?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "who wrote the brothers karamazov" },
      { role: 'assistant', content: "Fyodor Dostoevsky." },
    ],
    message: "what year did it come out",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Our churn model has 0.91 AUC offline but the retention campaign we targeted with it did nothing. Why?" },
      { role: 'assistant', content: "[...] predicting churn is not predicting who responds to the intervention (uplift vs propensity), possible leakage, the sure-things and lost-causes problem [...]" },
    ],
    message: "We get one more campaign in Q3 with 200k customers. Design the experiment so we can tell whether the model is wrong or the intervention is useless: how to split, what to measure, the sample size to detect a 1pp effect on a 12% base churn rate, and how to feed the results into an uplift model afterwards.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "my 4yo keeps waking up at 5am every day, any tips??" },
      { role: 'assistant', content: "Blackout curtains, an okay-to-wake clock, check the bedtime isn't too early or too late, keep the room cool [...]" },
    ],
    message: "whats an okay-to-wake clock",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "why does my useEffect run twice in dev" },
      { role: 'assistant', content: "React 18 StrictMode mounts, unmounts and remounts components in development to surface missing cleanups [...]" },
    ],
    message: "ok but it fetches twice and my list shows duplicates. useEffect(() => { fetch('/api/items').then(r => r.json()).then(d => setItems(prev => [...prev, ...d])); }, []); how do i fix it properly, not just turn off strict mode",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Jak przeliczyć 350 stopni Fahrenheita na Celsjusza?" },
      { role: 'assistant', content: "(350 − 32) × 5/9 ≈ 177°C." },
    ],
    message: "A 400 stopni?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I'm applying for a product manager role, can you check my summary: 'Product-minded engineer with 5 years building B2B SaaS, moved into a PM role 2 years ago...'" },
      { role: 'assistant', content: "[...] tighten the first line, lead with outcomes [...]" },
    ],
    message: "thanks. the form also asks 'describe a time you disagreed with engineering'. what happened: we wanted to ship a custom reporting feature for our biggest client, engineering said the data model couldn't support it without a rewrite, we argued for a week and ended up shipping a scoped version on top of the export API, client renewed. write me a STAR answer around 200 words",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "why is the sky blue" },
      { role: 'assistant', content: "Rayleigh scattering: air molecules scatter short wavelengths much more strongly, roughly as 1/λ^4 [...]" },
    ],
    message: "Derive the 1/λ^4 dependence from a driven, damped oscillator model of a bound electron, then explain quantitatively why the sky isn't violet given that dependence, using the solar spectrum and the cone sensitivities.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "best time of year to visit japan?" },
      { role: 'assistant', content: "Spring (late March-April) for cherry blossoms and autumn (October-November) for foliage and mild weather [...]" },
      { role: 'user', content: "is the JR pass still worth it after the price increase" },
      { role: 'assistant', content: "Usually only if you do long Shinkansen trips, e.g. Tokyo-Kyoto-Hiroshima round trips [...]" },
      { role: 'user', content: "is kyoto walkable?" },
      { role: 'assistant', content: "The central areas are, but the main sights are spread out; buses and the subway fill the gaps [...]" },
    ],
    message: "ok plan me 5 days kyoto + osaka in early november. i love food and temples, not into nightlife, staying in kyoto the whole time",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "My partner and I keep fighting about chores. How do we stop?" },
      { role: 'assistant', content: "[...] make the invisible work visible, agree on standards, a short weekly check-in, divide by ownership rather than tasks [...]" },
    ],
    message: "that's actually really helpful, I think we'll try the weekly check-in",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "In Python how do I read a JSON file?" },
      { role: 'assistant', content: "import json\nwith open('data.json') as f:\n    data = json.load(f)" },
    ],
    message: "and write it back pretty printed?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I'm a US citizen who moved to Portugal last March under NHR and I have RSUs from my US employer. How does that work?" },
      { role: 'assistant', content: "[...] both countries may tax the RSUs; the US taxes citizens on worldwide income, Portugal as your residence; sourcing by workdays between grant and vest [...]" },
    ],
    message: "Okay. Next month $60k vests, I also sold ETFs this year for a $25k gain, and I keep contributing to my Roth IRA. Walk me through how each is taxed in Portugal and in the US, whether I should use the foreign tax credit or the FEIE given the RSU sourcing split around my move date, and whether the Roth contributions still make sense.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Write a short poem about autumn" },
      { role: 'assistant', content: "[...]" },
    ],
    message: "Now make it a Petrarchan sonnet in strict iambic pentameter, rhyme scheme ABBAABBA CDECDE, keeping the images from your poem, with a volta at line 9 that turns the mood from loss to relief.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Explain the CAP theorem" },
      { role: 'assistant', content: "[...] under a network partition a distributed store must choose between consistency and availability; examples, PACELC [...]" },
    ],
    message: "summarise that in 3 sentences for my non-technical manager",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "'감사합니다'랑 '고맙습니다' 차이가 뭐예요?" },
      { role: 'assistant', content: "둘 다 정중한 표현이에요. '감사합니다'는 한자어라 조금 더 격식 있게 들리고, '고맙습니다'는 고유어라 조금 더 따뜻하게 들려요." },
    ],
    message: "그럼 친구한테는 뭐라고 해요?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what size drill bit for a 6mm wall plug" },
      { role: 'assistant', content: "A 6 mm bit." },
    ],
    message: "problem is the wall is crumbly old plaster over brick and the plug just spins in the hole. i want to hang a 15kg mirror there, what should i do",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Solve the 12 coins puzzle: one coin is heavier or lighter, you have a balance and 3 weighings." },
      { role: 'assistant', content: "[...] weigh 1-4 against 5-8; if balanced, [...]" },
    ],
    message: "Generalise it: what's the largest number of coins for which n weighings suffice to find the fake and say whether it's heavier or lighter, with no extra genuine coin? Prove the upper bound and show a strategy that reaches it.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how do i do a vlookup" },
      { role: 'assistant', content: "=VLOOKUP(lookup_value, table_range, column_index, FALSE) [...] or XLOOKUP in newer Excel." },
    ],
    message: "ok real problem: Sheet1 has sales rows (date, region, rep, amount), Sheet2 has targets (rep, month, target). I need a column in Sheet1 that says whether that rep has hit their target for that month so far, cumulative up to that row's date. what formula?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "whats the difference between a pod and a deployment" },
      { role: 'assistant', content: "A pod is one or more containers scheduled together; a deployment manages a replica set of pods and rolls out updates [...]" },
      { role: 'user', content: "how do i see logs for a pod that crashed" },
      { role: 'assistant', content: "kubectl logs <pod> --previous" },
      { role: 'user', content: "what's a PodDisruptionBudget" },
      { role: 'assistant', content: "It limits how many pods of a set can be voluntarily evicted at once, e.g. during node drains [...]" },
    ],
    message: "We run Kafka on k8s with 3 brokers, RF=3, min.insync.replicas=2, and every node pool upgrade causes producer timeouts. Work out the PDB, the pod anti-affinity and a rolling-upgrade procedure that keeps producers with acks=all writing through a full node pool upgrade, and explain which failure modes each piece guards against.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "capital of australia?" },
      { role: 'assistant', content: "Canberra." },
      { role: 'user', content: "population?" },
      { role: 'assistant', content: "About 470,000." },
    ],
    message: "and sydney?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "solve 3x + 7 = 22" },
      { role: 'assistant', content: "3x = 15, so x = 5." },
    ],
    message: "thx. whats 15% of 240",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Is Flutter or React Native better for a small startup?" },
      { role: 'assistant', content: "[...] React Native if your team knows React/TypeScript, Flutter for pixel-perfect custom UI [...]" },
    ],
    message: "we went with react native + expo. how do I set up push notifications for iOS and android, step by step?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "¿Qué es un contrato de arras?" },
      { role: 'assistant', content: "Es un contrato previo a la compraventa en el que el comprador entrega una señal. Hay arras confirmatorias, penales y penitenciales [...]" },
    ],
    message: "Firmé arras penitenciales de 20.000 € para comprar un piso en Valencia, pero el banco me ha denegado la hipoteca y el contrato no dice nada de financiación. Además, el vendedor no me ha entregado la cédula de habitabilidad que me prometió de palabra. ¿Qué opciones tengo para recuperar la señal, cómo juegan aquí los artículos 1454 y 1124 del Código Civil, y qué estrategia me recomiendas?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "give me a list of 10 fruits high in fiber" },
      { role: 'assistant', content: "Raspberries, pears, apples, bananas, oranges, strawberries, avocado, guava, blackberries, kiwi." },
    ],
    message: "sort them alphabetically",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what is eGFR" },
      { role: 'assistant', content: "Estimated glomerular filtration rate, a measure of how well the kidneys filter blood, calculated from creatinine, age and sex [...]" },
    ],
    message: "my mom is 78, eGFR 38 and dropping over the last year, type 2 diabetic on metformin 1000mg twice a day, also on lisinopril, just started taking ibuprofen for her knee, and her last potassium was 5.6. which of these are a problem together and what should we ask her nephrologist",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what's a PIP" },
      { role: 'assistant', content: "A performance improvement plan: a documented, time-boxed set of goals for an employee who isn't meeting expectations [...]" },
    ],
    message: "I need to put one of my engineers on one. Issues: missed 4 of the last 6 sprint commitments, barely participates in code review. Draft the PIP document for 60 days with measurable goals and check-in points.",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Comment on dit « deadline » en français ?" },
      { role: 'assistant', content: "On dit « date limite » ou « échéance »." },
    ],
    message: "Et « meeting » ?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Explain how Raft leader election works" },
      { role: 'assistant', content: "[...] randomized election timeouts, RequestVote, the up-to-date log check, terms [...]" },
    ],
    message: "Why exactly does a Raft leader need the rule that it can't commit entries from previous terms just by counting replicas? Walk through the concrete scenario from Figure 8 of the paper step by step and show how the rule prevents the committed entry from being overwritten.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "integral of e^x sin x dx?" },
      { role: 'assistant', content: "Integrate by parts twice; the original integral reappears, so solve for it: e^x (sin x − cos x)/2 + C." },
    ],
    message: "oh wow that trick where it loops back is neat",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "easy pancake recipe" },
      { role: 'assistant', content: "1 cup flour, 1 tbsp sugar, 2 tsp baking powder, pinch of salt, 1 cup milk, 1 egg, 2 tbsp melted butter [...]" },
    ],
    message: "can i use oat milk instead",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "ideas for a bedtime story for my 6 year old, he loves dinosaurs" },
      { role: 'assistant', content: "1. A T-rex who is afraid of the dark. 2. A tiny dinosaur who wants to fly. 3. A dinosaur who loses his roar [...]" },
    ],
    message: "write the first one, about 500 words, calm ending so he actually falls asleep lol",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "whats the difference between left join and inner join" },
      { role: 'assistant', content: "INNER JOIN keeps only matching rows; LEFT JOIN keeps all rows from the left table, with NULLs where nothing matches." },
      { role: 'user', content: "how do i get the nth highest salary" },
      { role: 'assistant', content: "SELECT salary FROM (SELECT salary, DENSE_RANK() OVER (ORDER BY salary DESC) r FROM emp) t WHERE r = n;" },
      { role: 'user', content: "is snowflake or bigquery cheaper" },
      { role: 'assistant', content: "It depends on the workload: [...]" },
    ],
    message: "We're on BigQuery with 40TB of event data, dashboards query it ~2000 times a day, and we pay $30k/month. Propose a redesign covering partitioning and clustering, materialized views vs aggregate tables, BI Engine, and slot reservations vs on-demand, with a rough cost estimate for each option and the order to roll them out.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "learning german. whats the difference between 'weil' and 'denn'" },
      { role: 'assistant', content: "Both mean 'because'. 'weil' sends the verb to the end of the clause; 'denn' keeps normal word order [...]" },
    ],
    message: "can you give me 10 practice sentences where I pick one, then the answers with short explanations",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Kira artışında yasal sınır nedir?" },
      { role: 'assistant', content: "Konut kiralarında artış, bir önceki kira yılının on iki aylık TÜFE ortalamasını geçemez [...]" },
    ],
    message: "Ev sahibim kirayı %60 artıracağını söyleyen bir mesaj attı. Ona kibar ama kararlı bir cevap yazar mısın? Üç yıldır oturuyorum ve kirayı hiç geciktirmedim.",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "how tall is mount everest" },
      { role: 'assistant', content: "8,849 m (29,032 ft)." },
      { role: 'user', content: "who climbed it first" },
      { role: 'assistant', content: "Edmund Hillary and Tenzing Norgay, in 1953." },
      { role: 'user', content: "how long does it take to climb" },
      { role: 'assistant', content: "About two months including acclimatisation; the summit push itself is a few days." },
    ],
    message: "whats the deadliest mountain",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what's the difference between a roth and a traditional IRA" },
      { role: 'assistant', content: "Traditional: contributions may be tax-deductible now, withdrawals taxed later. Roth: contributions after tax, qualified withdrawals tax-free [...]" },
    ],
    message: "i'm 29, making 85k, expect to earn a lot more later and I already have a 401k match at work. give me the pros and cons of each for my situation",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's SQL injection" },
      { role: 'assistant', content: "An attack where user input is interpreted as part of a SQL query [...]" },
    ],
    message: "is this vulnerable? cursor.execute(f\"SELECT * FROM users WHERE email = '{email}'\") and how do i fix it with psycopg2",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's a segment tree" },
      { role: 'assistant', content: "A binary tree over array intervals that supports range queries and point updates in O(log n) [...]" },
    ],
    message: "I need a structure over an array of 10^5 ints supporting: add v to a range [l, r], assign v to a range, and query the maximum subarray sum within [l, r], all in O(log n). Design the node data and the lazy tags, including how the two lazy operations compose, and write it in C++.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "explain how https works" },
      { role: 'assistant', content: "[...] the TLS handshake, certificate verification against CAs, key exchange, then symmetric encryption [...]" },
    ],
    message: "what does TLS stand for",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Explain the proof that the square root of 2 is irrational" },
      { role: 'assistant', content: "Suppose √2 = p/q in lowest terms. Then p² = 2q², so p is even, p = 2k, so q² = 2k², so q is even too: contradiction [...]" },
    ],
    message: "why are we allowed to assume the fraction is in lowest terms? feels like cheating",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a Python function to check if a string is a palindrome" },
      { role: 'assistant', content: "def is_palindrome(s):\n    return s == s[::-1]" },
    ],
    message: "now the real task: a string of up to 10^6 chars and 10^5 queries 'is s[l..r] a palindrome after deleting at most one character', each answered in O(log n) or better after preprocessing. Explain the approach and prove it's correct.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Write 5 subject lines for our Black Friday email, we sell outdoor gear" },
      { role: 'assistant', content: "1. Gear Up: 40% Off Everything\n2. [...]" },
    ],
    message: "make them all lowercase",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "at what age do kids usually start reading" },
      { role: 'assistant', content: "Most children start decoding simple words between 5 and 7 [...]" },
    ],
    message: "my son is 5 and just started sounding out words. can you make me a simple 4 week plan of 10 minute daily activities to help him at home",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's a non-compete" },
      { role: 'assistant', content: "A clause that restricts an employee from working for competitors for some time after leaving [...]" },
    ],
    message: "summarise this one from my offer letter in plain English: 'Employee agrees that for a period of twelve (12) months following termination for any reason, Employee shall not, directly or indirectly, within a fifty (50) mile radius of any Company office, engage in, be employed by, consult for, or hold any interest in any business that competes with the Company or any of its affiliates, nor solicit any customer with whom Employee had material contact during the final twenty-four (24) months of employment.'",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's LoRA" },
      { role: 'assistant', content: "Low-rank adaptation: freeze the base weights and learn a low-rank update BA for selected matrices [...]" },
    ],
    message: "We have 4x A100 40GB and want to fine-tune a 70B model for long-context (32k) legal summarisation. Compare QLoRA, LoRA with FSDP + CPU offload, and distilling into a 13B model: memory math, throughput, expected quality, and which you'd pick with a 3-week deadline.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "in chess can a pawn capture backwards" },
      { role: 'assistant', content: "No, pawns only capture diagonally forward." },
    ],
    message: "what about en passant, is that forward too?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what's the difference between mitosis and meiosis" },
      { role: 'assistant', content: "[...] mitosis gives two identical diploid cells; meiosis gives four genetically different haploid gametes, with crossing over [...]" },
    ],
    message: "can you put that in a comparison table and add 5 exam-style questions with answers? biology test on friday",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "hi! quick q, how do i center a div" },
      { role: 'assistant', content: "display: flex; justify-content: center; align-items: center; on the parent." },
      { role: 'user', content: "lol thanks. and make it responsive?" },
      { role: 'assistant', content: "Give the child max-width: 90vw and a width in rem, plus a media query for small screens [...]" },
      { role: 'user', content: "ok different thing, our next.js app is really slow on first load" },
      { role: 'assistant', content: "Check the bundle size, what renders client-side, images and fonts [...]" },
    ],
    message: "Lighthouse: LCP 6.2s on mobile, TBT 1.8s. Next 14 app router, 900kb client bundle mostly a charting lib and a rich text editor, Google Fonts via link tag, and the hero is a carousel fetched client-side from the CMS. Give me a prioritised plan with the expected impact of each change and how they interact (e.g. moving the carousel into a server component vs just preloading the LCP image).",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how many tablespoons in a cup" },
      { role: 'assistant', content: "16." },
      { role: 'user', content: "teaspoons in a tablespoon?" },
      { role: 'assistant', content: "3." },
      { role: 'user', content: "how many ml is a cup" },
      { role: 'assistant', content: "A US cup is about 237 ml." },
    ],
    message: "and an australian cup?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What's the Riemann hypothesis in simple terms?" },
      { role: 'assistant', content: "All nontrivial zeros of the zeta function have real part 1/2 [...]" },
      { role: 'user', content: "Why does it matter for primes?" },
      { role: 'assistant', content: "It controls the error term in the prime number theorem: how far π(x) can stray from Li(x) [...]" },
    ],
    message: "Show rigorously that RH implies ψ(x) = x + O(√x log² x), starting from the truncated explicit formula, and then deduce the corresponding bound for π(x) − Li(x). Point out exactly where the hypothesis on the zeros is used.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what is good running plan for beginner" },
      { role: 'assistant', content: "Couch to 5K: 3 runs a week, alternating walking and jogging, over 9 weeks [...]" },
      { role: 'user', content: "i must run every day?" },
      { role: 'assistant', content: "No, 3 days a week with rest days in between is better at the start." },
      { role: 'user', content: "which shoes i buy" },
      { role: 'assistant', content: "Go to a running shop for a gait check if you can; pick a neutral cushioned shoe that feels comfortable [...]" },
    ],
    message: "also i want lose around 5kg until summer, is 12 weeks. can you combine the running with simple eating plan, nothing extreme please",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's event sourcing" },
      { role: 'assistant', content: "Storing state as an append-only log of domain events and deriving current state by replaying them [...]" },
      { role: 'user', content: "how is it different from CDC" },
      { role: 'assistant', content: "CDC captures row-level changes from a database's log; event sourcing records intent-level domain events as the source of truth [...]" },
      { role: 'user', content: "do i need kafka for it" },
      { role: 'assistant', content: "No, a Postgres table can be the event store; Kafka is for distribution [...]" },
    ],
    message: "We're splitting the order system out of a monolith (Postgres) into order, payment and inventory services. Design it with event sourcing for orders, an outbox to publish, and a saga for payment plus inventory reservation. Cover idempotency, per-order ordering, compensation when inventory fails after payment succeeded, and how to migrate the existing 40M orders with no downtime.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Ciao, mi consigli un vino per il risotto ai funghi?" },
      { role: 'assistant', content: "Un Barbera d'Alba o un Nebbiolo giovane; se preferisci il bianco, un Verdicchio [...]" },
      { role: 'user', content: "e per il dolce?" },
      { role: 'assistant', content: "Con una torta alle nocciole, un Moscato d'Asti." },
      { role: 'user', content: "quante persone ci stanno con 2 bottiglie?" },
      { role: 'assistant', content: "Circa 10 calici in tutto, quindi 5 persone se ne bevono due a testa." },
    ],
    message: "Perfetto. Sabato ho 8 ospiti, uno vegetariano e una celiaca: mi organizzi un menù completo con la lista della spesa e i tempi di preparazione?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's a p-value, simply" },
      { role: 'assistant', content: "The probability of seeing data at least this extreme if the null hypothesis were true [...]" },
    ],
    message: "We ran 14 A/B tests this quarter, PMs checked results daily and stopped each one as soon as p < 0.05. 6 'won'. Estimate how many of those wins are likely false positives, explain the mechanism, and design a sequential testing procedure (mSPRT, alpha spending, whatever fits) that lets them keep peeking while controlling the error rate.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Turn these into meeting notes: [transcript of a 40-minute planning call]" },
      { role: 'assistant', content: "[...]" },
    ],
    message: "change all the dates to DD/MM/YYYY",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "KLM cancelled my flight and rebooked me 2 days later. do i get anything?" },
      { role: 'assistant', content: "Under EU261 you're likely entitled to €600 for a flight over 3,500 km, plus reimbursement of reasonable hotel and meal costs [...]" },
    ],
    message: "write the claim email. flight KL641 AMS to JFK on 3 March, arrived 2 days late, I paid 180 euros for a hotel and about 60 for food, receipts attached",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "how do buffers work" },
      { role: 'assistant', content: "A weak acid and its conjugate base absorb added H+ or OH-; pH follows Henderson-Hasselbalch [...]" },
    ],
    message: "I need 1 L of phosphate buffer at pH 7.4 and ionic strength 0.15 M at 37°C for a cell assay. Calculate the amounts of Na2HPO4 and NaH2PO4 (and NaCl if needed) using Davies activity coefficients and the temperature dependence of pKa2, and tell me how far off the naive Henderson-Hasselbalch answer would be.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "hey whats up" },
      { role: 'assistant', content: "Not much, just here to help! What's going on?" },
      { role: 'user', content: "bored at work lol" },
      { role: 'assistant', content: "Ha, the classic afternoon slump. Want a fun fact or a joke?" },
      { role: 'user', content: "joke" },
      { role: 'assistant', content: "Why don't skeletons fight each other? They don't have the guts." },
    ],
    message: "another one",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what does 'JavaScript heap out of memory' mean in node" },
      { role: 'assistant', content: "V8 hit its heap limit; either a leak or a genuinely large working set [...]" },
      { role: 'user', content: "how do i take a heap snapshot in prod" },
      { role: 'assistant', content: "--heapsnapshot-signal=SIGUSR2, or v8.writeHeapSnapshot() behind an admin endpoint [...]" },
    ],
    message: "Snapshot: retained size is dominated by closures from our withRequestContext wrapper, which uses AsyncLocalStorage, and memory only grows when Redis is slow. Wrapper: function withRequestContext(req, fn) { const ctx = { req, spans: [] }; cache.set(req.id, ctx); return als.run(ctx, () => fn().finally(() => setTimeout(() => cache.delete(req.id), 30000))); } The Redis client has no command timeout and retries forever. Work out the leak mechanism and how to fix it without losing the tracing.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "write a bash script that backs up /var/www to S3 every night" },
      { role: 'assistant', content: "[...] aws s3 sync /var/www s3://my-backups/www --delete, plus a cron entry at 02:00 [...]" },
    ],
    message: "what does the --delete flag you used do, and is it dangerous here?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Translate to Spanish: 'The meeting has been moved to Thursday at 3pm.'" },
      { role: 'assistant', content: "La reunión se ha pasado al jueves a las 3 de la tarde." },
    ],
    message: "and German?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "thinking of opening a small bakery" },
      { role: 'assistant', content: "Exciting! Key things to think about: location, licensing, equipment, product range, pricing [...]" },
      { role: 'user', content: "how much is a commercial oven" },
      { role: 'assistant', content: "Roughly $5k-$15k for a convection oven, $20k+ for a deck oven [...]" },
      { role: 'user', content: "do i need an llc" },
      { role: 'assistant', content: "Not required, but it separates personal and business liability [...]" },
    ],
    message: "ok so here's the real question i have 60k in savings and a lease offer at 3200 a month in a neighborhood that has two cafes but no bakery and i can bake about 300 items a day on my own so can you build me a 24 month plan with pricing and a break even analysis with a realistic mix of wholesale to the cafes versus retail and when i should hire and the cash flow risks month by month and the points where i should decide to walk away",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "explain big O notation" },
      { role: 'assistant', content: "It describes how running time grows with input size, ignoring constants: O(1), O(log n), O(n), O(n²) [...]" },
    ],
    message: "whats the complexity of this and can it be faster?\ndef has_dup(a):\n    for i in range(len(a)):\n        for j in range(i + 1, len(a)):\n            if a[i] == a[j]:\n                return True\n    return False",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "who painted girl with a pearl earring" },
      { role: 'assistant', content: "Johannes Vermeer, around 1665." },
    ],
    message: "is it in amsterdam?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what's the pigeonhole principle" },
      { role: 'assistant', content: "If n+1 objects go into n boxes, some box holds at least two [...]" },
    ],
    message: "ok homework: prove that any sequence of n²+1 distinct real numbers has a monotone subsequence of length n+1, and show the bound is tight by giving a sequence of length n² with none",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Design a rate limiter for our distributed API gateway: 100k rps, per-user and per-tenant limits, 12 regions." },
      { role: 'assistant', content: "[...] local token buckets per node with periodic sync to a regional Redis, sliding-window counters for tenants, approximate global limits via gossip [...]" },
    ],
    message: "can you explain what a token bucket is for the junior devs on the team, with a simple example",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Prove there are infinitely many primes" },
      { role: 'assistant', content: "Suppose p1, ..., pn are all the primes. N = p1···pn + 1 is not divisible by any of them, so it has a prime factor not in the list [...]" },
    ],
    message: "who came up with that proof?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "how do I write a sudoku generator" },
      { role: 'assistant', content: "Fill a full valid grid with randomized backtracking, then remove clues while the puzzle still has a unique solution [...]" },
    ],
    message: "I want puzzles with a unique solution AND a target difficulty defined by which techniques are required (e.g. needs X-Wing but no chains). Design the algorithm, the difficulty grader, and how to keep generation under 1 second per puzzle.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how do i tell my friend i can't be her bridesmaid without ruining the friendship" },
      { role: 'assistant', content: "Tell her soon, in person or by call if you can, be honest about the reason, and offer what you can do instead [...]" },
    ],
    message: "can you write the message? reason is money, I just lost my job and the bachelorette plus wedding are in Tulum. we've been friends for 15 years",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Can an employer in the UK dismiss someone who is on long-term sick leave?" },
      { role: 'assistant', content: "Yes, potentially, on grounds of capability, but only after a fair process, and disability discrimination law may apply [...]" },
    ],
    message: "The employee has 3 years' service and has been off for 7 months with depression; occupational health gives no return date; they have raised a grievance alleging their manager caused the illness; and we are mid-restructure, which would remove their role anyway. Please map out the legal risks, including disability discrimination, unfair dismissal, and whistleblowing if the grievance qualifies as a protected disclosure, and set out a procedurally safe sequence of steps.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "convert 5 miles to km" },
      { role: 'assistant', content: "About 8.05 km." },
    ],
    message: "and my pace is 9 min per mile, whats that per km",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what's the difference between GPT and BERT" },
      { role: 'assistant', content: "GPT is a decoder-only causal language model; BERT is an encoder trained with masked language modelling [...]" },
      { role: 'user', content: "and what is attention exactly" },
      { role: 'assistant', content: "softmax(QKᵀ/√d)·V: each token takes a weighted average of the values, weighted by query-key similarity [...]" },
    ],
    message: "Derive the gradients of scaled dot-product attention with respect to Q, K and V, explain why the 1/√d scaling matters for softmax saturation at initialisation, and show how FlashAttention computes the backward pass without storing the N×N attention matrix.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what is the 50/30/20 rule" },
      { role: 'assistant', content: "50% of take-home pay to needs, 30% to wants, 20% to savings and debt repayment." },
    ],
    message: "I take home 3,400 a month, rent is 1,450, car payment 380, and I have 6k on a credit card at 24%. make me a monthly budget that pays off the card as fast as is reasonable",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "fix the typos: 'Thier going too the libary tomorow, weather or not it rains.'" },
      { role: 'assistant', content: "They're going to the library tomorrow, whether or not it rains." },
    ],
    message: "and this one: 'Its a knew begining for are team, lets make the most of it and not loose momentum.'",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "write a short story about a lighthouse keeper" },
      { role: 'assistant', content: "[...]" },
    ],
    message: "Rewrite it in exactly 100 words, told in reverse chronological order, where the first letters of the sentences spell LIGHT, and the twist only makes sense on a second read.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what's the difference between a stock and a bond" },
      { role: 'assistant', content: "A stock is a share of ownership; a bond is a loan to a company or government that pays interest [...]" },
      { role: 'user', content: "whats an ETF" },
      { role: 'assistant', content: "An exchange-traded fund: a basket of assets you can buy and sell like a single stock [...]" },
      { role: 'user', content: "and an expense ratio?" },
      { role: 'assistant', content: "The annual fee a fund charges, as a percentage of your investment." },
    ],
    message: "ok so explain to me like a total beginner how an index fund actually tracks the index, and why they're so cheap compared to normal funds",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "how long to boil an egg" },
      { role: 'assistant', content: "About 9-10 minutes for hard-boiled, from boiling water." },
      { role: 'user', content: "soft boiled?" },
      { role: 'assistant', content: "6-7 minutes." },
      { role: 'user', content: "can i microwave an egg" },
      { role: 'assistant', content: "Not in the shell, it can burst. Scrambled in a mug works fine." },
    ],
    message: "lol ok. whats the capital of peru",
    label: 'simple',
  },
];
