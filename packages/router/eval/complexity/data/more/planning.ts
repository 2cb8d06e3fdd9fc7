import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const planning: DomainPrompts = {
  simple: [
    'What time should I leave to arrive at 9 if the drive takes 40 minutes?',
    'What day is Thanksgiving this year?',
    'How many weeks from today until Christmas, roughly?',
    'Put these in order by date: dentist Mar 3, haircut Feb 20, car service Mar 1',
    'Should I book the flight for Tuesday or Friday, which is usually cheaper?',
    "What's a good time to go to bed if I wake up at 6?",
    'remind me, is daylight saving this weekend?',
    'What is 3 hours after 10:45?',
  ],
  moderate: [
    'Plan a 3-day trip to Lisbon for two people who love food and walking, moderate budget.',
    'Make me a weekly meal plan for a vegetarian family of four, with a shopping list.',
    'Help me plan a surprise 40th birthday party for 20 people at home.',
    'Create a 4-week beginner running plan to go from zero to running 5 km.',
    'I have exams in math, biology and history in two weeks. Make me a study schedule, 3 hours a day.',
    'What steps should I take to move apartments next month? Make a checklist.',
    'Plan a one-day offsite for a team of 12 with a mix of strategy work and fun.',
    'Organiza un itinerario de cinco días por Japón para una familia con niños pequeños.',
    'we want to repaint the living room this weekend, what do we need and in what order',
    'How should I prepare for a job interview next Tuesday? I have 4 evenings free.',
  ],
  complex: [
    'Plan the migration of our 200-service Kubernetes platform from a self-managed cluster to EKS over 12 weeks: sequencing by dependency, stateful services and data migration, DNS cutover, rollback per wave, staffing, and the risks that would make us stop.',
    'Create a 6-month go-to-market plan for launching our B2B invoicing SaaS in Germany: market sizing, ICP, pricing in euros, compliance (GoBD, e-invoicing mandates), channel strategy, hiring, milestones and budget, with what we learn each month deciding the next.',
    "We're merging two hospitals' IT systems (two EHRs, different lab systems, 3,000 staff) within 18 months. Draft the programme plan: workstreams, critical path, clinical safety checks, training, data migration and the go-live strategy.",
    'Build me a 16-week marathon training plan aiming for sub-3:15 from a current 1:35 half marathon, with periodisation, weekly mileage, key workouts, taper, and how to adjust if I miss a week from illness.',
    "Plan a phased migration from Oracle to PostgreSQL for a bank's core ledger without downtime: dual writes or CDC, reconciliation, performance testing, regulatory sign-off, cutover rehearsal and rollback at each phase.",
    "Lay out a two-year plan to cut our factory's carbon emissions by 40%: baseline measurement, levers ranked by cost per tonne, capex phasing, financing, supplier engagement, and how we report progress.",
    'Design the onboarding programme for 50 engineers joining over the next quarter across three time zones: week-by-week curriculum, mentor allocation, first projects, how we measure ramp-up, and what to change if it is slow.',
    'Planifiez la réorganisation de notre service client sur neuf mois : passage de trois sites à deux, nouvel outil de tickets, formation, maintien des délais de réponse pendant la transition et plan social négocié avec les représentants du personnel.',
  ],
};
