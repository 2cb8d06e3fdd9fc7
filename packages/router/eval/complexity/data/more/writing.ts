import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const writing: DomainPrompts = {
  simple: [
    'Give me an antonym for generous.',
    "Is it 'affect' or 'effect' in: the rain will ___ our plans?",
    'Capitalize this title: the lord of the rings the return of the king',
    'Give me three words that rhyme with light.',
    'Make this sentence shorter: We are writing to let you know that the meeting has been moved to Thursday.',
    'Spell check: accomodate, definately, recieve, seperate',
    "How do you spell 'necessary'?",
    "Put a comma where it belongs: Let's eat grandma.",
    "what's the plural of cactus",
    "Change this to past tense: I walk to the shop and buy bread.",
    'Is it "could of" or "could have"?',
  ],
  moderate: [
    "Write a short, warm thank-you note to my kid's teacher at the end of the school year.",
    'Rewrite this paragraph to sound more professional:\n\nhey so the project is kinda late because the vendor messed up the order and we had to redo stuff. should be done next week hopefully.',
    'Write a product description for a handmade ceramic mug, about 80 words, cozy tone.',
    'Write a limerick about a cat who loves Mondays.',
    'Help me write a LinkedIn post announcing I got a new job as a data analyst, not too braggy.',
    'Escribe un correo corto para pedir un día libre a mi jefe el viernes.',
    "Write a 300-word short story that ends with the line 'and the lights came back on'.",
    "I need a toast for my sister's wedding, 2 minutes, funny but touching. She's a vet, he's a chef, they met at a dog park.",
    'Give me five title ideas for a blog post about learning to cook at 40.',
    'Please help me write complaint letter to airline, they lost my baggage 5 days and nobody answer phone.',
    'Write a haiku about the first snow.',
  ],
  complex: [
    'Write a villanelle about grief that keeps strict iambic pentameter and both refrains, and make the refrains shift in meaning by the last stanza.',
    'Write the first chapter (about 3,000 words) of a literary mystery narrated by an unreliable narrator, planting three clues the reader can only recognise on a second read, and give me a separate list of the clues and where they are.',
    'Draft a grant proposal for a three-year community literacy program: needs statement with evidence, logic model, measurable outcomes, evaluation design, budget justification, and sustainability plan, tailored to a foundation that funds rural education.',
    'Rewrite this clause in plain English for consumers without changing its legal effect, then list every place where the plain wording could be read differently from the original and how you guarded against it:\n\n"Notwithstanding anything to the contrary herein, the Licensor shall not be liable for any indirect, incidental, consequential or special damages arising out of or in connection with this Agreement, save to the extent such limitation is prohibited by applicable law."',
    "Write a persuasive op-ed arguing against a four-day work week, then the strongest rebuttal to your own piece, then a short editor's note judging which is better argued and why.",
    'Write a screenplay scene where two characters argue about money but the real conflict, never said aloud, is an affair; the subtext must be readable from the action lines and dialogue alone.',
    "Develop a style guide for our company's technical documentation: voice and tone, terminology rules, structure of tutorials versus reference pages, accessibility, localisation concerns, and a before/after example for each rule.",
    'Write a sequence of three Petrarchan sonnets telling one story from three points of view, each with a volta that turns the argument of the sonnet before it.',
    'Write a short story in which every sentence is exactly one word longer than the previous one, that still reads naturally and has a twist ending.',
    'Schreibe eine Rede für die Eröffnung eines Gedenkortes, die an die Opfer erinnert, ohne pathetisch zu werden, lokale Geschichte einbindet und sowohl Jugendliche als auch Überlebende anspricht.',
  ],
};
