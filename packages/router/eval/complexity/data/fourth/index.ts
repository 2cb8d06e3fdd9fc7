import type { DomainPrompts } from '../../types';

// Batch 4: everyday topics the earlier batches touched little (cooking, sport, games, home repair,
// gardening, cars, music, art, religion and philosophy, law, health, travel, HR, politics), spread
// over the existing domains, written from the rubric before the model was refit on them.
export const fourth: Record<string, DomainPrompts> = {
  lookup: {
    simple: [
      'How many grams of flour are in a cup?',
      'Who won the Champions League in 2019?',
      'What year was the Magna Carta signed?',
      'Which planet has the most moons?',
      'what does c/o mean on an envelope',
      'How many strings does a cello have?',
      'Who painted The Starry Night?',
      "What's the speed limit on German autobahns?",
      'When is Ramadan this year?',
      'What is the national animal of Scotland?',
    ],
    moderate: [
      'What is the difference between Sunni and Shia Islam?',
      'How does the offside rule work in football?',
      'What happened at the Battle of Hastings and why does it matter?',
      'Who was Frida Kahlo and what is her art known for?',
    ],
    complex: [
      'How did the Reformation change European politics? Trace the links from Luther to the Peace of Westphalia and weigh religious against dynastic and economic motives.',
      'Compare how common law and civil law systems handle precedent, with examples from England, France and Germany, and explain how EU law sits across both.',
    ],
  },
  advice: {
    simple: [
      'Can I put a cast iron pan in the dishwasher?',
      'How long do eggs keep in the fridge?',
      'Is it safe to run with a mild cold?',
      'What tyre pressure should a small car have, roughly?',
      'How often should I water a cactus?',
      'Do I need to tell my employer I have a second job? yes or no in the UK',
    ],
    moderate: [
      'My bathroom tap keeps dripping. How do I fix it myself?',
      'What vegetables are easy to grow on a balcony for a beginner?',
      'How should I prepare for my first half marathon in 10 weeks?',
      'My car makes a squealing noise when I brake. What could it be and is it urgent?',
      'How do I deal with a coworker who keeps taking credit for my work?',
      'What are the steps to dispute a wrong charge on my credit card?',
      'i have interview for nurse job next week, what questions they will ask and how i answer good?',
      'How do I introduce a new cat to my old dog?',
    ],
    complex: [
      'I run a small bakery with 6 employees and one of them has filed a discrimination complaint against her manager. Walk me through my legal obligations in the UK, how to run a fair investigation, how to protect both people meanwhile, and what documentation I need if it goes to a tribunal.',
      'We want to renovate a 1920s house: new wiring, insulation, a heat pump and an extension. Help me sequence the works, estimate the budget ranges, identify the permits, and spot the dependencies that cause the most expensive mistakes.',
      'I am type 1 diabetic and want to start training for an Ironman. Help me build a training and nutrition approach that manages hypoglycaemia risk during long sessions, adjusts insulin around training blocks, and tells me what to discuss with my endocrinologist.',
    ],
  },
  writing: {
    simple: [
      'Give me a word that means "very tired".',
      "Is it 'lie down' or 'lay down'?",
      'Put this list in alphabetical order: pear, apple, mango, banana, cherry',
      'Make this sound less rude: "send it now"',
    ],
    moderate: [
      'Write a recipe blog intro for grandma’s apple pie, warm and short.',
      'Write the rules of a simple card game for kids aged 6 to 8.',
      'Write a short song chorus about summer road trips.',
      'Write a cancellation email to my gym that is polite but clear I want no renewal.',
      'Write a one-page story for my niece where she is a pirate captain.',
    ],
    complex: [
      'Write a short story told backwards in time across five scenes, where each scene recontextualises the one before it, and the first line read last resolves the mystery.',
      'Draft the constitution and bylaws for a new tenants’ association: membership, voting, officer roles, dues, conflict of interest, dispute resolution and dissolution, consistent with each other and with a typical US state nonprofit law.',
    ],
  },
  analysis: {
    simple: ['Which sold more, PlayStation 2 or Nintendo DS?', 'Is Norway in the EU?'],
    moderate: [
      'Why are eggs so expensive this year?',
      'What are the pros and cons of electric vs gas stoves?',
      'Why do some football clubs go bankrupt even with big crowds?',
      'Is it better to buy a new or a used car in the current market? Main factors please.',
    ],
    complex: [
      'Evaluate whether hosting the Olympics is ever a net economic benefit for a city, using the evidence from Barcelona, Athens, London and Rio, and separate short-run from long-run effects.',
      'Analyse the video game industry’s shift from one-off sales to live-service games: effects on revenue stability, development costs, player behaviour, and which kinds of studio it favours, with examples.',
    ],
  },
  planning: {
    simple: ['What day of the week is 25 December this year?', 'Is May a good month to visit Greece?'],
    moderate: [
      'Plan a vegetable garden for a 3x4 m plot: what to plant where and when.',
      'Make a cleaning schedule for a shared flat of four people.',
      'Help me plan a kid-friendly Halloween party for 12 children.',
      'Plan a weekend hiking trip in the Lake District for beginners.',
    ],
    complex: [
      'Plan our church’s three-year capital campaign to raise $2M for a new community centre: feasibility study, leadership gifts, phases, communication plan, volunteer structure, risk of shortfall and what we cut if we raise only 70%.',
      'Plan the logistics of a 5,000-person music festival on a farm: site layout, permits, security, medical cover, waste, transport, weather contingencies and the timeline from 9 months out.',
    ],
  },
  science: {
    simple: ['How far is Mars from the Sun?', 'What gas do plants give off?', 'Is a spider an insect?'],
    moderate: [
      'Why does bread rise?',
      'How do birds find their way when they migrate?',
      'Why does salt melt ice on roads?',
      'How do hurricanes form?',
    ],
    complex: [
      'Explain the thermodynamics and kinetics of the Maillard reaction, how temperature, pH and water activity change its products, and design a home experiment that shows each effect.',
      'Critically assess the evidence that microplastics harm human health: exposure routes, measurement problems, animal versus human studies, and what would count as convincing proof.',
    ],
  },
  code: {
    simple: ['How do I center a div?', 'What is the shortcut to save in Photoshop?', 'What does SQL stand for?'],
    moderate: [
      'Write a Discord bot command in Python that rolls dice like 2d6+3.',
      'Make a simple to-do app in React with add, delete and mark done.',
      'Write a Minecraft command to give a player a diamond sword with sharpness V.',
    ],
    complex: [
      'Write a deterministic lockstep netcode layer for a real-time strategy game: input delay, desync detection by checksums, fixed-point math to avoid float drift across platforms, and replay support.',
      'Implement an interval tree that supports insert, delete and overlap queries in O(log n + k), keep it balanced as a red-black tree, and prove the query bound.',
    ],
  },
  math: {
    simple: ['What is 7 squared?', 'How many seconds are in an hour?', 'Is 169 a perfect square?'],
    moderate: [
      'How much paint do I need for a room 4 by 5 metres with 2.5 m walls, two coats, if a litre covers 10 m²?',
      'If a recipe serves 4 and I need to serve 10, how do I scale 300 g flour, 2 eggs and 150 ml milk?',
      'What are the odds of winning a lottery where you pick 6 numbers out of 49? Show how.',
    ],
    complex: [
      'Prove that in any group of six people there are three mutual friends or three mutual strangers, and explain why five people are not enough.',
      'Derive the optimal strategy for the secretary problem and prove that the success probability tends to 1/e.',
    ],
  },
  chitchat: {
    simple: ['Who is your favourite football team?', 'Happy new year!', 'Do you like music?'],
    moderate: ['What are some fun things to do at home on a rainy day with a teenager?', 'Recommend a few video games for someone who loved Zelda.'],
    complex: [
      'Be the dungeon master for a one-shot D&D adventure for my party of three (a rogue, a cleric and a wizard at level 5): track HP, spell slots and initiative, adjudicate rolls I give you by the 5e rules, and keep the plot consistent.',
    ],
  },
  education: {
    simple: ['What is the plural of "child"?', 'How many sides does a pentagon have?'],
    moderate: [
      'Explain the water cycle for a 3rd grade class with a small activity.',
      'Make flashcards for the 20 most common Spanish verbs.',
      'Help me write a study guide for the French Revolution for a high school test.',
    ],
    complex: [
      'Design an inclusive, year-long music curriculum for a primary school with no specialist teacher: progression by year group, assessment, adaptations for pupils with hearing impairments and ADHD, and the training teachers need.',
    ],
  },
  business: {
    simple: ['What does ROI stand for?', 'Is a sole trader the same as self-employed in the UK?'],
    moderate: [
      'Write an Instagram caption for our new vegan burger launch.',
      'How do I calculate the break-even point for my food stall?',
      'What should be in an employee handbook for a 10-person company?',
    ],
    complex: [
      'Our restaurant group has 8 locations with food costs at 36% of sales versus a 30% target. Diagnose where the gap comes from (menu mix, waste, theft, supplier prices, portioning), design the measurement to find out, and plan the fixes over three months without hurting reviews.',
    ],
  },
};
