import type { DomainPrompts } from '../types';

// Personal advice: health, money, law, work, family. Written from the rubric before any change to
// the estimator it would test.
export const advice: DomainPrompts = {
  simple: [
    'Is it ok to take ibuprofen with coffee?',
    'How much water should I drink a day?',
    "What's considered a good credit score?",
    'How long should a resume be?',
    'Is it rude not to tip in the UK?',
    'Do I need a visa for Japan with a US passport?',
    'How often should I change my toothbrush?',
    'what time of day is best to water plants',
    '¿Es normal tener fiebre después de la vacuna?',
    'Should I wear a tie to a startup interview?',
    'How long does a cold usually last?',
    'can i freeze cooked rice?',
  ],
  moderate: [
    'I got a job offer for $85k but I was hoping for $95k. How should I negotiate?',
    'What should I do if my flight is cancelled in the EU? What am I entitled to?',
    "How do I start investing with $200 a month? I'm 25 and know nothing.",
    'My knee hurts after running. What could it be and when should I see a doctor?',
    "Write me a polite but firm message to my landlord, who hasn't returned my deposit after 45 days.",
    'How can I improve my sleep? I wake up at 3am most nights.',
    "What's the difference between a Roth IRA and a traditional IRA, and which fits someone in a low tax bracket now?",
    'How do I ask my boss for more flexible hours without sounding uncommitted?',
    'I have 3 credit cards with balances of 2k, 5k and 8k at different rates. Should I use the avalanche or the snowball method?',
    'Ich habe eine Abmahnung wegen Filesharing bekommen. Was sollte ich jetzt tun?',
    "my toddler won't sleep in his own bed. what can we try?",
    'Is it worth paying for a gym membership or can I get fit at home? I have about 30 minutes a day.',
  ],
  complex: [
    "I'm 52, self-employed in Germany, with €400k in savings, a paid-off flat and almost no state pension. Build me a retirement strategy to 67: asset allocation and glide path, tax-advantaged vehicles (Rürup, private pension), sequence-of-returns risk, health insurance costs in retirement, and how to stress-test the plan.",
    'My father has atrial fibrillation and stage 3 chronic kidney disease and takes warfarin; his cardiologist suggests switching to apixaban. Help me understand the evidence comparing them for patients with his kidney function, the bleeding and stroke trade-offs, and the questions we should bring to the next appointment.',
    "I'm leaving my startup after 2 years as a co-founder with 25% equity (cliff passed), and the company wants to buy back my unvested shares and impose a non-compete. Walk me through my position: vesting, good and bad leaver clauses, whether the non-compete is enforceable in California, tax on the buyback, and a negotiation strategy.",
    "We're divorcing amicably with two kids (4 and 9), a house with a mortgage, and my spouse earning three times what I do. Help us think through custody schedules by age, child and spousal support principles, whether to sell the house, and the order in which to settle things so neither of us is blindsided.",
    "I've been offered two jobs: a stable corporate role at €95k with a pension, or a pre-seed startup at €70k plus 1% equity. Build a decision model: expected value of the equity under realistic exit scenarios, dilution, career optionality, risk given my mortgage, and what would change the answer.",
    'Design a 12-week rehabilitation programme after ACL reconstruction for a recreational soccer player, with phases, criteria for moving between them, exercises and red flags, and explain the evidence behind return-to-sport testing.',
    'Mi madre de 78 años vive sola, tiene diabetes tipo 2, principio de demencia y se niega a dejar su casa. Ayúdame a evaluar las opciones (cuidador en casa, residencia, mudarse con nosotros), los costes, las ayudas públicas en España, los aspectos legales de la tutela y cómo hablarlo con ella y mis hermanos.',
  ],
};
