import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const science: DomainPrompts = {
  simple: [
    "What's the freezing point of water in Fahrenheit?",
    'Is a tomato a fruit?',
    'How many bones are in the adult human body?',
    'what is the largest planet',
    'What is NaCl?',
    '¿Cuál es la velocidad del sonido?',
    'Do plants breathe?',
  ],
  moderate: [
    'Explain how photosynthesis works for a high-school student.',
    'Why is the sky blue but sunsets red?',
    "What's the difference between weather and climate, with examples?",
    "Explain how a nuclear reactor produces electricity and why it can't explode like a bomb.",
    "Why do we have seasons? My kid thinks it's because the earth is closer to the sun in summer.",
    'How does CRISPR work, in simple terms?',
    'how does a microwave oven heat food?',
  ],
  complex: [
    "Derive the Schwarzschild radius from general relativity's vacuum solution and explain why the Newtonian escape-velocity argument that gives the same formula is a coincidence.",
    'Explain the evidence for dark matter from galaxy rotation curves, the CMB power spectrum and the Bullet Cluster, and assess how well modified gravity theories like MOND account for each.',
    "Design an experiment to test whether a new antibiotic resistance gene spreads by conjugation or transformation in a mixed biofilm, with controls, measurements and how you'd rule out contamination.",
    'Walk through the derivation of the Boltzmann distribution from the microcanonical ensemble and explain where the assumption of equal a priori probabilities enters.',
    'Critically evaluate the hypotheses for the Cambrian explosion (oxygenation, developmental gene networks, predation arms races) against the fossil and geochemical evidence.',
  ],
};
