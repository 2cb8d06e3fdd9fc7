import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const chitchat: DomainPrompts = {
  simple: [
    'hiya',
    'ugh mondays',
    'thank u so much!!',
    "what's your favorite movie?",
    'hola, ¿qué tal?',
    'merci beaucoup !',
    'you still there?',
    "I'm so tired today lol",
    'Tell me a pun about bread.',
    'do you ever sleep?',
    'great, thx',
    'how was your day?',
  ],
  moderate: [
    "I'm feeling kind of lonely tonight. Can we just chat for a bit about something nice?",
    'Recommend me three podcasts about history for my commute, and say what each is like.',
    "What should I name my new puppy? She's a tiny black poodle mix, very bossy. Give me a few options.",
    'My partner and I keep arguing about chores. How do couples usually split them fairly?',
    'I want to get back into reading but I keep losing interest. Any tips?',
    'Suggest a fun theme for my 30th birthday party and a few ideas to go with it.',
    'Tell me a bedtime story for a 5 year old about a brave little snail.',
    'i failed my driving test again and feel stupid. how do i get over it?',
    'What are good questions to ask my grandma about her life before she forgets?',
  ],
  complex: [
    "Let's write a choose-your-own-adventure together: a noir detective story in 1940s Shanghai. Keep a consistent cast and timeline, give me three choices each turn that really change the plot, and track the clues I've found.",
    'Be my debate partner on whether AI art is real art: take the side opposite to mine, use arguments from aesthetics (Danto, Dickie, Collingwood), and after ten rounds summarise the strongest points on each side.',
    "I'm trying to decide whether to move abroad with my partner for her job. I'd lose my career momentum and we'd be far from my aging parents, but it's her dream. Help me reason through it properly: values, reversibility, what each of us gives up, and the questions we should ask each other.",
    "Play a game of chess with me in algebraic notation, keep the board state correct, explain the idea behind each of your moves, and point out my tactical mistakes after each move.",
    'Lass uns ein Rollenspiel machen: Du bist ein skeptischer Investor, ich pitche mein Startup. Stell harte Fragen zu Markt, Wettbewerb und Finanzen und gib mir am Ende ein ehrliches Feedback mit Punkten, die ich verbessern muss.',
  ],
};
