import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const multipart: DomainPrompts = {
  simple: [
    'What is the capital of Italy and what language do they speak there?',
    'Two quick ones: how many days in February 2024, and what weekday was Feb 29?',
    'Convert 5 km to miles and 20 C to F.',
    'Who painted the Mona Lisa and where is it now?',
    "spell 'rhythm' and give me a synonym for 'quick'",
    'what time is it in London and in New York when it is noon in Paris?',
  ],
  moderate: [
    'Explain what an API is, give a real-world example, and list three popular public APIs.',
    '1) What is compound interest? 2) How is it different from simple interest? 3) Give an example of each with $1,000 over 3 years.',
    'Can you summarise the plot of Macbeth, list the main characters, and suggest which film version to watch?',
    "Write a short bio for my website, suggest a headline, and give me three taglines. I'm a freelance photographer in Leeds.",
    "What's a good beginner guitar, how much should I spend, and what should I learn first?",
    'Explain how vaccines work, why boosters are needed, and what herd immunity is.',
    'can u explain what inflation is and why the central bank raises rates, and also what it means for my savings',
  ],
  complex: [
    'For our new mobile app: (1) design the auth flow with refresh tokens and device binding, (2) define the data model for offline sync with conflict resolution, (3) write the API contract, (4) plan the rollout to 100k users, and (5) list the security tests we need. Make sure the pieces are consistent with each other.',
    "I'm writing a thesis on urban heat islands. Help me refine my research question, propose a mixed-methods design, choose datasets (satellite LST, weather stations), specify the statistical models with confounders, and outline chapters so that each method answers a part of the question.",
    'Do all of this for our Series A: build a 3-year financial model (revenue by segment, hiring plan, burn), derive the amount to raise for 24 months of runway, write the investor narrative that matches the numbers, and list the diligence questions our weakest assumptions will attract.',
    'Take our incident from last night (payments API down 47 minutes after a config push) and: write the timeline from the log below, find the root cause and contributing factors, propose fixes ranked by risk reduction, and draft the customer-facing post-mortem.\n\n21:02 deploy config v412\n21:03 error rate 2% -> 38%\n21:05 pager fires\n21:11 on-call acks, suspects DB\n21:24 DB ruled out\n21:31 config diff reviewed, TLS cert path wrong\n21:40 rollback started, blocked by same config service\n21:49 manual rollback on hosts, recovery',
    'Para mi tesis: ayúdame a formular la pregunta de investigación, elegir el diseño (cuasi-experimental o de panel), definir las variables y los controles, anticipar las amenazas a la validez y escribir el plan de análisis estadístico completo.',
  ],
};
