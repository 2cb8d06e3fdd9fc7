import type { DomainPrompts } from '../types';

// Teaching and learning: homework help, lessons, courses. Written from the rubric before any change
// to the estimator it would test.
export const education: DomainPrompts = {
  simple: [
    "What's a noun?",
    'How many continents are there?',
    'What is 12 times 12?',
    'Who was the first president of the United States?',
    "What does 'photosynthesis' mean? One sentence for my 8 year old.",
    'Wie viele Tage hat ein Schaltjahr?',
    "What's the past tense of 'swim'?",
    'is a bat a bird?',
  ],
  moderate: [
    'Explain fractions to a 9-year-old using pizza, with three practice problems.',
    'Make a 10-question quiz on the solar system for a 5th grade class, with answers.',
    'How should I study for a history exam where I need to remember lots of dates?',
    'Explain the causes of World War I in a way a 14-year-old would understand.',
    'Create a lesson plan for a 45-minute introduction to Python for complete beginners.',
    "Can you check my son's essay for grammar and suggest how to improve the structure?\n\nMy summer holiday was the best. We went to the beach. I swimmed a lot and my sister builded a sand castle. Then we eat ice cream. I want to go again next year because it was fun.",
    'Explain the difference between mitosis and meiosis with a table.',
  ],
  complex: [
    "Design a full one-semester university course on causal inference for economics master's students: weekly topics, readings, problem sets that build on each other, a replication project, and how each assessment maps to the learning outcomes.",
    'My daughter is 10, reads two grades above her level but struggles badly with math and has been assessed for dyscalculia. Design a year-long home support plan that works with her school: specific interventions with the evidence behind them, how to measure progress, and how to keep her motivated.',
    'Create a curriculum that takes a motivated adult from no programming knowledge to job-ready backend developer in 9 months at 15 hours a week: sequence, projects, milestones, and how to know when to move on or go back.',
    "Write a complete grading rubric and three exemplar answers (weak, solid, excellent) for the essay question 'Was the Treaty of Versailles responsible for the Second World War?', explaining what distinguishes each level.",
  ],
};
