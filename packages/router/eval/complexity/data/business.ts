import type { DomainPrompts } from '../types';

// Business: marketing, finance, operations, strategy. Written from the rubric before any change to
// the estimator it would test.
export const business: DomainPrompts = {
  simple: [
    'What does B2B stand for?',
    "What's the difference between revenue and profit, in one line?",
    'What does KPI mean?',
    'Give me one name idea for a bakery.',
    'How many hours is a full-time week in France?',
    'Wat betekent BTW?',
    'Which is bigger by revenue, Amazon or Walmart?',
    'what is an invoice number for?',
    'Is Black Friday always on a Friday?',
  ],
  moderate: [
    'Write a job description for a part-time bookkeeper at a small dental clinic.',
    'How should I price my freelance web design services as a beginner?',
    'Give me 10 ideas for marketing a new yoga studio on a small budget.',
    'Explain what a cap table is and how a convertible note affects it.',
    'Draft an agenda for a one-hour quarterly business review with a key client.',
    "What's the difference between gross margin and contribution margin, with a quick example?",
    'How do I write a simple business plan for a food truck? Which sections do I need?',
    'Responde a este cliente enfadado por un retraso en su pedido de forma profesional y ofrécele un descuento.',
    'We sell candles online. Should we start selling on Amazon too? Give me the main pros and cons.',
  ],
  complex: [
    'Design our SaaS pricing and packaging: we sell analytics to mid-market retailers, our costs scale with data volume, competitors charge per seat. Propose tiers, the value metric, discounting rules, how to migrate 300 existing customers without churn, and the experiment to validate willingness to pay.',
    'Build a unit economics model for a meal-kit subscription: CAC by channel, contribution margin per box, retention curve, payback period and LTV, then find the three levers that most improve payback and quantify each.',
    'We are a 60-person agency losing money on fixed-price projects. Diagnose why from the data below, restructure our pricing, staffing and scoping process, and plan the change over two quarters without losing our top clients.\n\nProjects last year: 42; over budget: 29; average overrun: 31%; utilisation: 64%; top 5 clients = 58% of revenue.',
    'Evaluate whether our European e-commerce business should build its own fulfilment centre in Poland or keep using 3PLs: capex, variable costs at three volume scenarios, service levels, labour risk and break-even, with a recommendation and its conditions.',
    'Write a board memo recommending whether to acquire a competitor at 4x revenue: strategic rationale, synergies with realistic timing, integration risks, financing options and their dilution, and what due diligence must confirm before we sign.',
    'Nous devons décider si nous internalisons notre service informatique (aujourd’hui externalisé, 2 M€ par an) : analyse des coûts sur cinq ans, risques de transition, compétences à recruter, impact sur la sécurité et scénario de réversibilité.',
  ],
};
