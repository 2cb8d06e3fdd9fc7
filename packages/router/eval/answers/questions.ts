// The questions of the answer eval, written before the answerer was tuned. Each one names the
// fact a correct answer must quote: `expect` (any one of the phrases) or `expectAll` (every one),
// matched case-insensitively with whitespace collapsed. `expect: null` means the documents do not
// hold the answer: the only correct reply is the honest "I couldn't find the answer".
//
// Kinds: plain (short, well formed), paraphrase (other words than the document's, often none
// shared), noisy (greetings, pasted ids/emails/SSNs, preambles, two lines, long messages, typos),
// faq (the document restates the question before answering), summary / dates / mentions (the
// chat page's suggestion chips and their kin), none (no answer in the documents).

export type QuestionKind = 'plain' | 'paraphrase' | 'noisy' | 'faq' | 'summary' | 'dates' | 'mentions' | 'none';

export interface EvalQuestion {
  question: string;
  kind: QuestionKind;
  /** The document the answer comes from (for the per-document report); absent for none and cross-document questions. */
  documentId?: string;
  /** Any one of these phrases must appear in the answer; null: the honest refusal is expected. */
  expect?: string[] | null;
  /** Every one of these phrases must appear in the answer. */
  expectAll?: string[];
  /** Always held out (the independent second part, fresh.ts); otherwise a hash of the question decides. */
  heldOut?: boolean;
}

/** A question whose answer holds any one of `expect` (null: the honest refusal); `heldOut` for the later parts. */
export const question = (kind: QuestionKind, documentId: string | undefined, text: string, expect: string | string[] | null, heldOut?: true): EvalQuestion => ({
  kind,
  ...(documentId ? { documentId } : {}),
  question: text,
  expect: expect === null ? null : Array.isArray(expect) ? expect : [expect],
  ...(heldOut ? { heldOut } : {}),
});
/** A question whose answer holds every one of `expectAll`. */
export const questionAll = (kind: QuestionKind, documentId: string | undefined, text: string, expectAll: string[], heldOut?: true): EvalQuestion => ({
  kind,
  ...(documentId ? { documentId } : {}),
  question: text,
  expectAll,
  ...(heldOut ? { heldOut } : {}),
});
/** The same, always held out: the later parts (fresh*.ts). */
export const heldOutQuestion = (kind: QuestionKind, documentId: string | undefined, text: string, expect: string | string[] | null) => question(kind, documentId, text, expect, true);
export const heldOutQuestionAll = (kind: QuestionKind, documentId: string | undefined, text: string, expectAll: string[]) => questionAll(kind, documentId, text, expectAll, true);

/** Asked in fresh.ts; its answer must name the corpus's last document, whichever part adds it (harness.ts). */
export const NEWEST_DOCUMENT_QUESTION = 'Summarize my most recent document';

const q = question;
const all = questionAll;

export const questions: EvalQuestion[] = [
  // Employee handbook
  q('plain', 'handbook', 'How many vacation days do full-time employees get?', '27 days of paid vacation'),
  q('paraphrase', 'handbook', 'How much annual leave am I entitled to?', '27 days'),
  q('paraphrase', 'handbook', 'Can I bring unused holiday into next year?', 'five unused days'),
  q('plain', 'handbook', 'What are the core hours?', '10:00 to 15:00'),
  q('noisy', 'handbook', 'My SSN is 123-45-6789, anyway: how many days a week can I work from home?', 'up to three days per week'),
  q('plain', 'handbook', 'How long is parental leave for partners?', '8 weeks'),
  q('noisy', 'handbook', 'how long is the probaton period for new hires', 'six months'),
  q('noisy', 'handbook', "Hi HR team,\nwhen do I need a doctor's note if I'm sick?", 'fourth consecutive day'),
  q(
    'noisy',
    'handbook',
    "I'm planning a two-week trip to visit family abroad and would like to keep working for part of it. I already talked to my manager who is fine with it. How many days per year am I allowed to work from another country, and do I need to tell anyone?",
    '20 working days per calendar year',
  ),
  q('plain', 'handbook', "What's the hotel limit in Paris?", '250 euros'),
  q('paraphrase', 'handbook', 'How much money do I get to set up my home office?', '400 euros'),
  q('paraphrase', 'handbook', 'How much can I spend on courses each year?', '1,500 euros'),
  q('paraphrase', 'handbook', 'How much notice do I have to give if I quit after three years?', 'three months'),
  q('plain', 'handbook', 'Who must approve an expense claim of 2,000 euros?', 'department head'),
  q('noisy', 'handbook', "Good morning! my employee number is 004417 and I'm new here. how long is my probation?", 'six months'),
  q('paraphrase', 'handbook', 'How many weeks off do new dads get?', '8 weeks'),
  q('paraphrase', 'handbook', "What's the nightly cap for accommodation on business trips?", '180 euros'),
  q('paraphrase', 'handbook', 'How soon do I have to file receipts for reimbursement?', 'within 60 days'),

  // Lumen Notes FAQ (question lines followed by their answers)
  q('faq', 'faq', 'How do I reset my password?', 'Forgot password'),
  q('noisy', 'faq', 'Hello! My account email is maria.lopez@gmail.com and my customer id is LN-4482913. How do I reset my password?', 'Forgot password'),
  q('paraphrase', 'faq', 'I forgot my login credentials, what should I do?', 'Forgot password'),
  q('faq', 'faq', 'How can I get my money back for an annual plan?', 'within 14 days of purchase'),
  q('faq', 'faq', 'Is there a student discount for Lumen?', 'half price'),
  q('paraphrase', 'faq', 'Can I use the notes app without internet?', 'full copy of your notes'),
  q('faq', 'faq', 'How do I stop my Lumen subscription?', 'Cancel plan'),
  q('faq', 'faq', 'What formats can I export my notes to?', 'Markdown, PDF or HTML'),
  q('faq', 'faq', "What's the largest file I can attach on the free plan?", '25 MB'),
  q('faq', 'faq', 'Where are my notes stored?', 'Frankfurt'),
  q('faq', 'faq', 'How long do you keep my notes after I close my account?', '30 days'),
  q('faq', 'faq', 'How much is Lumen Plus per year?', '60 dollars per year'),
  q('faq', 'faq', 'How do I set up 2FA?', 'Settings > Security'),
  q('noisy', 'faq', 'how many ppl can edit a shared notebook at once', '50 editors'),
  q('paraphrase', 'faq', 'Is my writing used to train AI?', 'never sell your data'),
  q('noisy', 'faq', 'Card 4111 1111 1111 1111 was charged twice. Anyway, how do I get a refund for Lumen Plus annual?', 'within 14 days of purchase'),
  q('paraphrase', 'faq', "Is it possible to keep working on my notes while I'm on a plane with no Wi-Fi?", 'full copy of your notes'),

  // Espresso machine manual
  q('plain', 'espresso', 'How often should I descale the machine?', 'every 3 months'),
  q('plain', 'espresso', 'What does error E3 mean?', 'overheating'),
  q('noisy', 'espresso', 'My espresso machine shows E1, what should I do?', 'water tank is empty'),
  q('plain', 'espresso', 'How much coffee should I use for a double shot?', '18 grams'),
  q('plain', 'espresso', 'How long should a double espresso take?', '25 to 30 seconds'),
  q('paraphrase', 'espresso', 'The shot comes out too fast, how do I fix it?', 'finer grind'),
  q('plain', 'espresso', 'Can I put the brew group in the dishwasher?', 'never put it in the dishwasher'),
  q('paraphrase', 'espresso', 'How big is the water reservoir?', '1.8 litres'),
  q('paraphrase', 'espresso', 'Is limescale damage covered by the guarantee?', 'does not cover damage caused by limescale'),
  q('plain', 'espresso', 'How do I start the descaling program?', 'holding the steam and hot water buttons'),
  q('plain', 'espresso', 'What temperature should steamed milk reach?', '60 to 65 degrees'),
  q('noisy', 'espresso', 'Order #A3-99812-XZ arrived yesterday. the grinder is stuck — what now?', 'empty the bean hopper'),
  q('noisy', 'espresso', 'Ticket INC-20931 / customer 55-1234-998\nWhat does error E2 mean on the Aero 3?', 'brew group is missing'),
  q('paraphrase', 'espresso', 'The shot tastes sour and runs in 15 seconds. What should I change?', 'finer grind'),

  // Information security policy
  q('plain', 'security', 'How long must passwords be?', 'at least 14 characters'),
  q('plain', 'security', 'Who do I contact if I clicked a phishing link?', 'security@northwind.example'),
  q('paraphrase', 'security', 'I left my work computer on the train, what do I do?', ['security@northwind.example', 'within one hour', 'police within 24 hours']),
  q('paraphrase', 'security', 'Can I use a memory stick on my work laptop?', 'USB storage devices are blocked'),
  q('plain', 'security', 'After how many minutes does my screen lock?', '5 minutes'),
  q('paraphrase', 'security', "Is it OK to work from a café's Wi-Fi?", 'only with the VPN switched on'),
  q('plain', 'security', 'How often are access rights reviewed?', 'every quarter'),
  q('plain', 'security', 'Are salaries confidential data?', 'always Confidential'),
  q('plain', 'security', 'Do passwords expire?', 'do not expire on a schedule'),
  q('paraphrase', 'security', 'What happens if someone breaks the security rules?', 'disciplinary action'),
  q('noisy', 'security', 'For the record, my phone is +44 7700 900123. How long are passwords required to be?', '14 characters'),

  // Release notes
  q('plain', 'release', "What's new in Switchboard 4.2.0?", '--canary'),
  q('plain', 'release', 'What is the minimum Node.js version for the Switchboard CLI?', 'Node.js 20'),
  q('plain', 'release', 'What was switchboard rm renamed to?', 'switchboard remove'),
  q('plain', 'release', 'When will --legacy-auth be removed?', 'version 5.0'),
  q('paraphrase', 'release', 'Did they fix the watch command using too much memory?', 'grow past 2 GB'),
  q('paraphrase', 'release', 'Does the CLI run on ARM machines?', 'ARM64 Linux'),
  q('plain', 'release', 'Can I write the Switchboard config in TOML?', 'TOML as well as YAML'),
  q('plain', 'release', 'How do I upgrade the Switchboard CLI?', 'npm install -g @switchboard/cli@latest'),
  q('paraphrase', 'release', 'How can I see which Switchboard version I have installed?', 'switchboard --version'),
  q('plain', 'release', 'When was Switchboard 4.2.0 released?', '18 June 2025'),
  q('plain', 'release', 'What is the CLI network timeout now?', '30 seconds'),
  q('noisy', 'release', 'wat is the minimun node version for switchboard cli', 'Node.js 20'),

  // Sourdough recipe
  q('plain', 'recipe', 'How much salt goes into the sourdough?', '10 g fine sea salt'),
  q('plain', 'recipe', 'What temperature do I preheat the oven to for the sourdough?', '250 °C'),
  q('plain', 'recipe', 'How long does bulk fermentation take?', '4 to 5 hours'),
  q('plain', 'recipe', 'How long should the dough proof in the fridge?', '12 to 16 hours'),
  q('plain', 'recipe', 'What is the autolyse?', ['rest for one hour', '330 g of the water']),
  q('paraphrase', 'recipe', 'How long should the bread cool before I cut it?', 'at least one hour'),
  q('paraphrase', 'recipe', 'How do I make the bread taste more tangy?', '24 hours'),
  q('paraphrase', 'recipe', 'My kitchen is chilly, how does that affect rising?', 'up to 8 hours'),
  q('paraphrase', 'recipe', 'How long does the loaf stay fresh?', 'three days'),
  q('plain', 'recipe', 'How long is the sourdough baked with the lid on?', '20 minutes with the lid on'),
  q('noisy', 'recipe', 'Re: your question from Tuesday\n\nAs discussed, could you remind me how long the cold proof is for the sourdough?', '12 to 16 hours'),

  // Lisbon travel guide
  q('plain', 'lisbon', 'When is the best time to visit Lisbon?', 'March to May'),
  q('plain', 'lisbon', 'How do I get from the Lisbon airport to the city centre?', 'red metro line'),
  q('plain', 'lisbon', 'Should I tip in restaurants in Lisbon?', 'Tipping is not expected'),
  q('plain', 'lisbon', 'How much does a metro ride in Lisbon cost?', '1.85 euros'),
  q('plain', 'lisbon', 'What kind of power plugs does Portugal use?', 'type F'),
  q('paraphrase', 'lisbon', 'Where can I hear fado?', 'Alfama'),
  q('paraphrase', 'lisbon', 'Can I drink the water from the tap in Lisbon?', 'safe to drink'),
  q('plain', 'lisbon', 'How do I get to Sintra?', 'Rossio station'),
  q('paraphrase', 'lisbon', 'Are museums in Lisbon open on Monday?', 'closed on Mondays'),
  q('paraphrase', 'lisbon', 'What sweet pastry is Lisbon famous for?', 'pastéis de nata'),
  q('plain', 'lisbon', 'What number do I call in an emergency in Portugal?', '112'),
  q('noisy', 'lisbon', "Hi,\nI'm visiting Lisbon next month.\nIs tipping customary there?\nThanks, Sam", 'Tipping is not expected'),
  q('paraphrase', 'lisbon', 'Which neighbourhood of Lisbon is below the castle?', 'Alfama'),
  q('paraphrase', 'lisbon', 'How do I pay for public transport in Lisbon?', 'Viva Viagem'),

  // Contract summary
  q('plain', 'contract', 'How long is the initial term of the Acme agreement?', '36 months'),
  q('paraphrase', 'contract', 'How much notice is needed to stop the Acme contract from renewing?', '90 days'),
  q('plain', 'contract', 'What is the quarterly fee Globex pays?', '42,000 euros'),
  q('plain', 'contract', 'Within how many days must Acme invoices be paid?', '30 days'),
  q('paraphrase', 'contract', 'What uptime does Acme guarantee?', '99.9 percent'),
  q('plain', 'contract', 'What is the liability cap in the Acme agreement?', 'fees paid in the 12 months'),
  q('plain', 'contract', 'Which law governs the Acme agreement?', 'England and Wales'),
  q('paraphrase', 'contract', 'Can Globex end the contract early without a breach?', 'terminate for convenience'),
  q('plain', 'contract', 'How quickly are priority 1 incidents answered?', '30 minutes'),
  q('plain', 'contract', 'How long do the confidentiality obligations last?', 'five years'),
  q('noisy', 'contract', "Before I forget — invoice 2024-INV-0098 is attached. What's the late payment interest in the Acme deal?", '1 percent per month'),
  q(
    'noisy',
    'contract',
    "I need this for a report I'm writing for my manager, who asked me yesterday to collect information on several topics including our contract with Globex. One of the things she wants to know is what availability Acme promised us. Can you tell me?",
    '99.9 percent',
  ),

  // Meeting notes
  q('plain', 'meeting', 'When is the mobile app launching?', '20 May 2025'),
  q('plain', 'meeting', 'Why was the mobile launch delayed?', 'offline sync is not stable'),
  q('plain', 'meeting', 'Where will the pricing experiment run?', 'Spain and Brazil'),
  q('plain', 'meeting', 'Who is preparing the press kit?', 'Luis'),
  q('plain', 'meeting', 'When does the closed beta start?', '7 April'),
  q('plain', 'meeting', 'When will the old web editor be switched off?', '30 June 2025'),
  q('plain', 'meeting', 'When is the next planning meeting?', '9 April 2025'),
  q('paraphrase', 'meeting', 'How many steps does the new sign-up flow have?', 'from seven to four'),
  q('plain', 'meeting', 'What does Tom need to deliver and by when?', '28 March'),

  // API reference
  q('plain', 'api', 'What is the rate limit of the Parcelly API?', '100 requests per minute'),
  q('plain', 'api', 'How do I authenticate with the Parcelly API?', 'Authorization header'),
  q('plain', 'api', 'What does a 422 address_unverifiable error mean?', 'could not be verified'),
  q('plain', 'api', 'How do I get the next page of results from Parcelly?', 'cursor'),
  q('plain', 'api', 'How long are failed webhook deliveries retried?', 'up to 3 days'),
  q('plain', 'api', 'How do I verify webhook signatures?', 'HMAC-SHA256'),
  q('paraphrase', 'api', 'Can I cancel a shipping label I bought by mistake?', 'voided within 24 hours'),
  q('paraphrase', 'api', 'When is Parcelly API v1 being shut down?', '31 December 2025'),
  q('plain', 'api', 'What happens when I exceed the Parcelly rate limit?', 'status 429'),
  q('plain', 'api', 'How do I tell Parcelly test keys from live keys?', 'pk_test_'),
  q('noisy', 'api', 'hey, quick q — whats the rate limit on parcelly?? thx', '100 requests per minute'),

  // Syllabus
  q('plain', 'syllabus', 'When is the midterm data story due?', '3 March 2026'),
  q('plain', 'syllabus', 'How much is the final project worth?', '40 percent'),
  q('plain', 'syllabus', 'What happens if I hand in work late?', '10 percent per day'),
  q('plain', 'syllabus', 'When are office hours for Data Journalism 201?', 'Wednesdays from 14:00 to 16:00'),
  q('paraphrase', 'syllabus', 'Do I need to know how to code for the data journalism course?', 'No programming experience is required'),
  q('paraphrase', 'syllabus', 'Can I use ChatGPT for my assignments?', 'must be disclosed'),
  q('plain', 'syllabus', 'When is spring break?', '17 to 21 March'),
  q('plain', 'syllabus', 'Which textbook does the data journalism course use?', 'The Data Journalism Handbook'),
  q('noisy', 'syllabus', "I'm a student journalist. What happens if I hand in my midterm two days late?", '10 percent per day'),

  // Price list
  q('plain', 'pricing', 'How much is the Brightdesk Growth plan?', '39 dollars per agent per month'),
  q('plain', 'pricing', 'Is there a free trial for Brightdesk?', '14-day free trial'),
  q('plain', 'pricing', 'How much more does monthly billing cost for Brightdesk?', '20 percent more'),
  q('plain', 'pricing', 'Do nonprofits get a discount on Brightdesk?', '50 percent off'),
  q('plain', 'pricing', 'Which Brightdesk plan has single sign-on?', 'Enterprise plan'),
  q('plain', 'pricing', 'What happens when the Brightdesk trial ends?', 'moves to the Starter plan'),
  q('paraphrase', 'pricing', 'If I cancel my yearly Brightdesk subscription after two weeks, do I get my money back?', 'refunded in full'),
  q('plain', 'pricing', 'How much do extra phone numbers cost in Brightdesk?', '5 dollars per number'),

  // Insurance summary
  q('plain', 'insurance', 'What is the excess for water damage?', '500 euros'),
  q('paraphrase', 'insurance', "Is theft covered if the burglar didn't break in?", 'excluded unless the thief used violence'),
  q('plain', 'insurance', 'How long do I have to report a claim to HomeShield?', 'no later than 30 days'),
  q('paraphrase', 'insurance', "Is my bike insured when I'm away from home?", '2,500 euros per item'),
  q('plain', 'insurance', 'How quickly are HomeShield claims paid?', '10 working days'),
  q('plain', 'insurance', 'How much cash is covered by HomeShield?', 'Cash is covered'),
  q('paraphrase', 'insurance', 'Are moth holes in my clothes covered?', 'moths or vermin'),
  q('paraphrase', 'insurance', 'Do I have to tell the insurer when I relocate?', 'move house'),
  q('paraphrase', 'insurance', 'How much do I save by paying the insurance once a year?', '5 percent'),
  q('noisy', 'insurance', 'so i got a new puppy and he chewed my couch lol, but my real question is whether wear and tear is covered by HomeShield', 'wear and tear'),

  // Summaries, dates and mentions (the chat page's suggestion chips and their kin)
  q('summary', 'lisbon', 'Summarize the Lisbon travel guide', 'Lisbon City Travel Guide'),
  q('summary', 'meeting', 'Give me a summary of the product planning meeting notes', 'Product Planning Meeting'),
  q('summary', 'espresso', 'tl;dr of the espresso machine manual please', 'Aero 3 Espresso Machine'),
  q('summary', 'contract', 'Give me an overview of the Acme and Globex services agreement', 'Master Services Agreement Summary'),
  q('summary', 'security', 'What are the main points of the information security policy?', 'Information Security Policy'),
  q('dates', undefined, 'What are the key dates and deadlines?', ['3 March 2026', '12 May 2026', '20 May 2025', '28 March', '6 February 2026', '10 April 2026', '30 June 2025',
    // Dates of the newer documents of fresh.ts (the newest come first).
    '1 March 2026', '1 December 2025', '19 December 2025', '28 November']),
  all('dates', 'syllabus', 'What are the key dates in the data journalism syllabus?', ['3 March 2026', '12 May 2026']),
  all('dates', 'meeting', 'List the deadlines from the product planning meeting', ['28 March', '12 May']),
  q('mentions', undefined, 'Which documents mention pricing?', 'Brightdesk Pricing and Plans 2025'),
  q('mentions', undefined, 'Do any of my documents talk about the VPN?', 'Information Security Policy'),
  q('mentions', undefined, 'Which files mention Python?', 'Data Journalism 201'),
  q('mentions', undefined, 'Which documents mention webhooks?', 'Parcelly Shipping API Reference'),

  // Not in the documents: the honest answer is that it could not be found
  q('none', undefined, 'What is the capital of Australia?', null),
  q('none', undefined, 'How do I configure Kubernetes autoscaling?', null),
  q('none', undefined, 'What is the dress code at Northwind?', null),
  q('none', undefined, 'How many calories are in the sourdough loaf?', null),
  q('none', undefined, 'What is the Wi-Fi password at the office?', null),
  q('none', undefined, 'Who won the 2022 World Cup?', null),
  q('none', undefined, 'What is the cancellation fee for hotels in Lisbon?', null),
  q('none', undefined, 'Can the Aero 3 make cold brew?', null),
  q('none', undefined, "What is Northwind's share price?", null),
  q('none', undefined, 'How do I bake a chocolate cake?', null),
  q('none', undefined, 'What is the penalty for late delivery under the Acme contract?', null),
  q('none', undefined, 'Is there a gym at the Northwind office?', null),
  q('none', undefined, 'What time does the Lisbon Oceanarium open?', null),
  q('none', undefined, 'What is the maximum parcel weight Parcelly accepts?', null),
  q('none', undefined, 'Who is the CEO of Northwind?', null),
  q('none', undefined, 'My SSN is 078-05-1120. What is my credit score?', null),
  q('none', undefined, "What's the best programming language for beginners?", null),
  q('none', undefined, 'Does HomeShield cover earthquake damage?', null),
  q('none', undefined, 'How many vacation days do contractors get in Canada?', null),
  q('none', undefined, 'hi, my email is tom.becker@northwind.example\nwhat is the parking policy for visitors?', null),
];
