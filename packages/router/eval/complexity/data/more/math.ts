import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const math: DomainPrompts = {
  simple: [
    'what is 15% of 80',
    'Is 91 prime?',
    'convert 5/16 to a percentage',
    "What's the square root of 144?",
    'How many edges does a cube have?',
    '¿Cuánto es 7 por 8?',
    'round 3.14159 to two decimals',
    'What is the derivative of x^2?',
    'How many zeros in a billion?',
    'is 57 divisible by 3',
    'what is 3 cubed',
  ],
  moderate: [
    'Solve the system 2x + 3y = 12 and x - y = 1, show the steps.',
    'Explain what a standard deviation is and compute it for 2, 4, 4, 4, 5, 5, 7, 9.',
    'Find the derivative of f(x) = x^2 * sin(x) and explain which rule you used.',
    'If I invest $5,000 at 4% interest compounded monthly, how much will I have after 10 years? Show the formula.',
    "What's the probability of getting at least one six in four rolls of a fair die? Explain.",
    'Can you explain how to integrate by parts with an example like ∫ x e^x dx?',
    'wie rechnet man die Fläche eines Kreises aus und was ist sie bei Radius 7 cm?',
    'A train leaves at 3pm going 60 mph, another leaves at 4pm going 80 mph on the same track. When does the second catch up?',
    'Explain eigenvalues and eigenvectors intuitively and compute them for the matrix [[2,1],[1,2]].',
    'what is a logarithm, and why is log base 2 of 8 equal to 3?',
    'Find the equation of the line through (1, 2) and (4, 11) and its x-intercept.',
  ],
  complex: [
    'Prove that every group of prime order is cyclic.',
    'Derive the closed-form solution of ordinary least squares, β = (XᵀX)⁻¹Xᵀy, by minimising the squared error, and state when XᵀX is invertible.',
    'Show that the harmonic series diverges but the alternating harmonic series converges, and find its sum.',
    'Prove that √2 is irrational, then generalise: for which integers n is √n irrational? Prove your claim.',
    'Let A be a real symmetric matrix. Prove that eigenvectors for distinct eigenvalues are orthogonal and that A is orthogonally diagonalisable.',
    "Démontrez que la fonction exponentielle est l'unique solution de f' = f avec f(0) = 1.",
    'Compute the expected number of coin flips until HTH appears versus HHT and explain, with a Markov chain argument, why they differ.',
    'Prove the Cauchy–Schwarz inequality in an inner product space and use it to derive the triangle inequality.',
    'Find all continuous functions f: ℝ → ℝ with f(x + y) = f(x) + f(y), and explain what goes wrong without continuity.',
    'Why is there no general formula in radicals for quintic equations? Sketch the Galois theory argument.',
    'Show that the maximum likelihood estimator of the variance of a normal distribution is biased and derive the correction.',
  ],
};
