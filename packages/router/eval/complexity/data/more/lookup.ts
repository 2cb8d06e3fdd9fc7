import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const lookup: DomainPrompts = {
  simple: [
    'capital of austria',
    'Who wrote War and Peace?',
    'When did World War II end?',
    "What's the chemical symbol for iron?",
    'quelle est la capitale du Canada ?',
    'Wer hat die Relativitätstheorie entwickelt?',
    "what's the currency of switzerland",
    '日本の首都はどこですか？',
    'Who is the CEO of Microsoft?',
    'How many ounces are in a pound?',
    'What is the tallest building in the world?',
    'In which year did the Titanic sink?',
    'qual è la lingua ufficiale del Brasile?',
  ],
  moderate: [
    'Who was Ada Lovelace and why is she important in computing?',
    'What caused the fall of the Western Roman Empire? Short overview please.',
    "What's the difference between a crocodile and an alligator?",
    'Tell me about the history of the Eiffel Tower in a few paragraphs.',
    'What are the main differences between the US House and Senate?',
    'How does the UK parliament pass a law?',
    'What are the Geneva Conventions and what do they cover?',
    'who were the beatles and why they are so famous?',
    'What is the difference between the UK, Great Britain and England?',
  ],
  complex: [
    "Trace how the concept of zero moved from Babylonian placeholders through Indian mathematics and the Islamic world to Europe, and assess the competing claims about who 'invented' it.",
    'Compile a comparison of how the EU, US and China regulate facial recognition in public spaces, citing the relevant laws, their exceptions, and how enforcement differs in practice.',
    'What do we actually know about the origins of the Indo-European languages? Compare the steppe and Anatolian hypotheses on genetic, archaeological and linguistic evidence, and say where the consensus stands now.',
    "Give me a well-sourced history of the 1918 influenza pandemic's spread, the competing theories of its origin, why mortality peaked in young adults, and what that implies for pandemic planning today.",
    'Explain the full chain of events behind the 2021 Suez Canal blockage, the insurance and legal disputes that followed, and what it revealed about the fragility of global supply chains.',
    'Reconstruct the decision-making inside the Kennedy administration during the Cuban Missile Crisis from the ExComm tapes and later memoirs, and assess how close the world really came to nuclear war.',
  ],
};
