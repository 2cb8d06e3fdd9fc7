// Follow-up questions written while building the follow-up search, and used to shape it.
import type { FollowUpQuestion } from './followups';

const f = (earlier: string | string[], question: string, documentId: string | undefined, expect: string | string[] | null): FollowUpQuestion => ({
  earlier: Array.isArray(earlier) ? earlier : [earlier],
  question,
  ...(documentId ? { documentId } : {}),
  expect: expect === null ? null : Array.isArray(expect) ? expect : [expect],
});

export const tuningFollowUps: FollowUpQuestion[] = [
  f('How many vacation days do full-time employees get?', 'And how many can be carried over?', 'handbook', 'five'),
  f('How many vacation days do full-time employees get?', 'When do the carried-over ones expire?', 'handbook', '31 March'),
  f('What is the hotel limit per night?', 'And in London?', 'handbook', '250 euros'),
  f('How long is parental leave for birth parents?', 'and for adoptive parents?', 'handbook', '8 weeks'),
  f('How long is the probation period?', 'What is the notice during it?', 'handbook', 'two weeks'),
  f('What is the learning budget?', 'Does it carry over?', 'handbook', 'does not carry over'),
  f('What is the learning budget?', 'and who do i ask before booking an expensive course', 'handbook', 'Ask your manager'),
  f(['How many days can I work from home?', 'And from another country?'], 'Who do I register that with?', 'handbook', 'registered with HR'),
  f('How often does the Aero 3 need descaling?', 'How long does the program take?', 'espresso', '25 minutes'),
  f('How often does the Aero 3 need descaling?', 'Which liquid should I use for it?', 'espresso', 'Aero descaling liquid'),
  f('What does error E1 mean on the espresso machine?', 'and E3?', 'espresso', 'overheating'),
  f('How long is the espresso machine warranty?', 'What does it not cover?', 'espresso', 'limescale'),
  f('How big is the Aero 3 water tank?', 'And the bean hopper?', 'espresso', '250 grams'),
  f('How much does the Starter plan cost?', 'And the Growth plan?', 'pricing', '39 dollars'),
  f('How much does the Starter plan cost?', 'How many agents does it include?', 'pricing', 'three agents'),
  f('How long is the Brightdesk free trial?', 'What happens when it ends?', 'pricing', 'moves to the Starter plan'),
  f('Do nonprofits get a discount on Brightdesk?', 'What about startups?', 'pricing', 'Growth plan at the Starter price'),
  f(['How much does the Starter plan cost?', 'and monthly billing?'], 'can i switch to annual later?', 'pricing', 'switch from monthly to annual'),
  f('What is the excess on a HomeShield claim?', 'And for water damage?', 'insurance', '500 euros'),
  f('How soon must I report a claim to HomeShield?', 'And a theft to the police?', 'insurance', '48 hours'),
  f('How long does HomeShield take to pay approved claims?', 'What if the item is older than two years?', 'insurance', 'deduct'),
  f('Can I cancel the HomeShield policy?', 'How much do I save paying yearly?', 'insurance', '5 percent'),
  f('Is cash covered by HomeShield?', 'Up to how much?', 'insurance', '500 euros'),
  f('How much is a metro ride in Lisbon?', 'What card do I need for it?', 'lisbon', 'Viva Viagem'),
  f('How do I get to Sintra from Lisbon?', 'And to the beaches of Cascais?', 'lisbon', 'Cais do Sodré'),
  f('Which tram goes through Alfama?', 'When is the best time to ride it?', 'lisbon', 'early in the morning'),
  f('Are museums in Lisbon open on Mondays?', 'Is the tap water safe there?', 'lisbon', 'safe to drink'),
  f('How many requests per minute does the Parcelly API allow?', 'What happens if I go over?', 'api', '429'),
  f('How do I buy a Parcelly label?', 'Can I void it?', 'api', 'within 24 hours'),
  f('When will version 1 of the Parcelly API be retired?', 'And what about breaking changes?', 'api', 'new major version'),
  f('How are Parcelly webhooks signed?', 'How long are failed ones retried?', 'api', '3 days'),
  // The documents do not say.
  f('How much does the Enterprise plan cost?', 'Is there a discount for paying two years up front?', undefined, null),
  f('How long is parental leave for birth parents?', 'And is it paid at the same rate in Switzerland?', undefined, null),
  f('What does error E4 mean on the espresso machine?', 'What about E7?', undefined, null),
];
