import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const data: DomainPrompts = {
  simple: [
    "What's the average of 4, 8, 15, 16, 23 and 42?",
    'Sort these by price: apple 1.20, melon 3.50, grape 2.10, kiwi 0.80',
    'How many rows are in this table?\n\n| name | age |\n| --- | --- |\n| Ann | 31 |\n| Bo | 25 |\n| Cy | 40 |',
    'Convert this CSV to JSON:\nname,city\nAnna,Oslo\nJon,Bergen',
    'Excel formula to sum column B?',
    "What's the median of 3, 9, 1, 7, 5?",
    'Which is the max value here: 12, 45, 7, 45.5, 30',
  ],
  moderate: [
    'Write a pandas snippet that groups sales by month and plots the totals as a bar chart.',
    'Explain the difference between a primary key and a foreign key with a small example.',
    'How do I remove duplicate rows in Excel but keep the most recent one by date?',
    "Here's my survey result: 62% satisfied, 25% neutral, 13% unsatisfied, n=240. What's the margin of error and how should I present it?",
    'Clean up this messy data: trim spaces, standardise the dates to YYYY-MM-DD and the country names:\n\n  john , 3/4/2023 , usa\nMARIA,2023-04-05, United States \n li wei , 04.05.2023, U.S.',
    'What chart should I use to show how the market share of 5 brands changed over 10 years, and why?',
    'Write a SQL query for monthly active users from a table events(user_id, ts).',
  ],
  complex: [
    'We have 3 years of daily sales for 400 stores with promotions, holidays and weather. Design a forecasting approach for the next 13 weeks per store: model choices (hierarchical, gradient boosting, Prophet), handling promotions and cannibalisation, the backtesting scheme, and reconciling store forecasts with regional totals.',
    "Our fraud model's precision dropped from 0.82 to 0.61 over two months while recall held. Diagnose possible causes (data drift, label delay, feedback loops, adversarial adaptation), describe the analyses that would tell them apart, and propose a monitoring and retraining design.",
    'Design the data warehouse schema for a multi-tenant SaaS with usage-based billing: fact and dimension tables, slowly changing dimensions for plans, late-arriving events, idempotent ingestion, and how finance can reproduce any past invoice exactly.',
    'I have observational data on 50k patients: treatment A or B, age, comorbidities, hospital, outcome at 90 days. How do I estimate the causal effect of A vs B? Compare propensity matching, IPW and doubly robust estimators, check overlap and balance, test sensitivity to unmeasured confounding, and say how to report it.',
  ],
};
