// A second, independent part of the answer eval, written after the responder's weaknesses were
// known but before any fix for them and never looked at while tuning: new documents (of kinds the
// first part lacks: membership terms, a clinic FAQ, a project update, a plant care guide, a
// troubleshooting guide, a tenancy summary) and questions about them in every kind. All of it
// counts as held out.
import type { EvalDocument } from './documents';
import { heldOutQuestion, heldOutQuestionAll, NEWEST_DOCUMENT_QUESTION, type EvalQuestion } from './questions';

export const freshDocuments: EvalDocument[] = [
  {
    id: 'bikeshare',
    title: 'Greenway Bike Share — Membership Terms',
    format: 'markdown',
    text: `# Greenway Bike Share — Membership Terms

These terms apply to everyone who rents a Greenway bike or e-bike in the city.

## Plans

A single ride costs 1.50 euros to unlock plus 0.20 euros per minute. The monthly pass costs 15 euros and includes unlimited rides of up to 45 minutes each. The annual pass costs 120 euros. Students with a valid university card get the annual pass for 60 euros. E-bikes cost an extra 0.10 euros per minute on every plan.

## Riding

You must be at least 16 years old to ride. Helmets are recommended but not required by law. Riders may carry one bag in the front basket, which holds up to 10 kg. Bikes must not be taken outside the service area; leaving the service area adds a fee of 25 euros.

## Returning a bike

Return bikes to any Greenway dock and push the bike in until the light turns green. If a dock is full, the app shows the nearest dock with free spaces and you get 15 extra minutes for free. A bike that is not returned within 24 hours is reported as stolen and you are charged a fee of 400 euros.

## Damage and faults

Report a damaged bike by pressing the spanner button on the dock or in the app before you ride. Riders are not charged for normal wear. Damage caused by misuse is charged at repair cost, up to 300 euros.

## Cancelling

The monthly pass renews automatically. You can cancel it at any time in the app under Account > Membership; it stays valid until the end of the paid month. Annual passes are not refundable after the first 14 days.
`,
  },
  {
    id: 'dental',
    title: 'Riverside Dental Clinic — Patient FAQ',
    format: 'text',
    text: `Riverside Dental Clinic — Patient FAQ

What are your opening hours?
We are open Monday to Thursday from 8:00 to 19:00 and Friday from 8:00 to 14:00. We are closed at weekends.

How do I book an appointment?
Book online at riverside-dental.example/book or call reception on 020 7946 0321 during opening hours.

What if I need to cancel?
Please cancel at least 24 hours before your appointment. Appointments cancelled later, or missed, are charged a fee of 35 pounds.

Do you treat children?
Yes. Children under 18 are seen by our paediatric dentist, Dr Amira Haddad, on Tuesday and Thursday afternoons.

How much does a check-up cost?
A routine check-up costs 55 pounds and a scale and polish costs 70 pounds. Fillings start at 120 pounds.

What should I do in a dental emergency?
Call us as soon as we open; we keep emergency slots free every morning. Outside opening hours, call the NHS 111 service.

Do you offer payment plans?
Treatments over 500 pounds can be paid in up to 12 monthly instalments with no interest.

Can I get teeth whitening?
We offer home whitening kits with custom trays for 350 pounds. Whitening is not suitable during pregnancy.

How often should I have a check-up?
Most adults should have a check-up every 6 to 12 months. Your dentist will recommend an interval based on your dental health.

Is there parking?
There is no patient car park. The nearest public car park is on Mill Lane, a 3 minute walk away.
`,
  },
  {
    id: 'office-move',
    title: 'Office Move to Harbour Street — Project Update',
    format: 'markdown',
    text: `# Office Move to Harbour Street — Project Update

Status: on track. Prepared by Priya Nair, facilities lead, on 2 September 2025.

## Timeline

The lease on the new office at 14 Harbour Street starts on 1 October 2025. Fit-out work runs from 6 October to 14 November 2025. The IT team installs the network and meeting room screens in the week of 17 November. Staff move in on Monday 1 December 2025. The old office on King's Road must be handed back empty by 19 December 2025.

## Packing

Every employee gets four crates on 24 November. Crates must be packed, labelled with your name and desk number and left at your desk by 5 p.m. on Friday 28 November. Personal items that do not fit in four crates must be taken home.

## The new office

The new office has 140 desks for 180 staff, so desks are not assigned: book a desk in the Deskly app up to two weeks ahead. There are 12 meeting rooms, a quiet floor with no calls allowed, and showers and a bike room with 60 spaces in the basement. Car parking is not available; a season ticket loan for public transport is offered instead.

## Budget

The approved budget is 1.2 million pounds. So far 640,000 pounds has been committed, mostly for furniture and the fit-out contract with Bexley Interiors.

## Risks

The main risk is late delivery of the meeting room screens, which have a lead time of eight weeks. If they arrive late, temporary screens will be rented.

## Contacts

Questions about the move go to Priya Nair. Questions about IT equipment go to the service desk.
`,
  },
  {
    id: 'plants',
    title: 'Houseplant Care Guide — Fern and Monstera',
    format: 'markdown',
    text: `# Houseplant Care Guide — Fern and Monstera

## Boston fern

Boston ferns like bright, indirect light; direct sun scorches the fronds. Keep the soil evenly moist but never soggy, which usually means watering twice a week in summer and once a week in winter. Ferns love humidity: mist the fronds every few days or stand the pot on a tray of wet pebbles. Brown, crispy tips are a sign that the air is too dry. Feed with a balanced liquid fertiliser at half strength once a month from April to September.

## Monstera deliciosa

A monstera grows best in bright, indirect light and tolerates some shade, but its leaves will not split in low light. Water when the top 5 cm of soil is dry, roughly every one to two weeks. Yellow leaves usually mean overwatering. Give it a moss pole to climb once it is taller than about 60 cm. Repot every two years in spring, into a pot one size larger. The leaves are toxic to cats and dogs if chewed.

## Pests

Check the undersides of leaves for spider mites, which leave fine webbing. Wipe affected leaves with a damp cloth and spray with insecticidal soap once a week until they are gone.

## Temperature

Both plants prefer 18 to 24 °C and should be kept away from cold draughts and radiators. Neither survives below 10 °C.
`,
  },
  {
    id: 'backup',
    title: 'Nimbus Backup Agent — Troubleshooting Guide',
    format: 'markdown',
    text: `# Nimbus Backup Agent — Troubleshooting Guide

This guide covers the Nimbus Backup Agent 3.x for Windows, macOS and Linux.

## Backups do not start

Check that the agent service is running: on Linux run \`systemctl status nimbus-agent\`. Scheduled backups are skipped while the computer runs on battery unless "Back up on battery" is switched on in the settings. A backup never starts while another one is still running.

## Error codes

- NB-101: the agent cannot reach the Nimbus servers. Check your internet connection and that outgoing port 443 is open.
- NB-204: the storage quota of your plan is full. Delete old versions or upgrade your plan.
- NB-307: a file was locked by another program and was skipped. It will be retried in the next backup.
- NB-412: the encryption key does not match. Enter the key you chose when you set up the backup; Nimbus cannot recover a lost key.

## Slow backups

The first backup uploads everything and can take several days. Later backups only upload changed blocks. You can raise the upload limit under Settings > Network; by default the agent uses at most 50 percent of your bandwidth.

## Restoring files

Open the agent, choose Restore, pick the date and select the files. Versions are kept for 30 days on the Personal plan and for 1 year on the Business plan. Deleted files can be restored within the same period.

## Logs

Logs are stored in /var/log/nimbus on Linux and in the Logs folder of the agent's data directory on Windows and macOS. Send them to support@nimbus.example when you open a ticket.
`,
  },
  {
    id: 'tenancy',
    title: 'Tenancy Agreement Summary — Flat 4B, 27 Elm Road',
    format: 'text',
    text: `Tenancy Agreement Summary — Flat 4B, 27 Elm Road

Parties and term
The landlord is Hartley Lettings Ltd. The tenancy is a fixed term of 12 months starting on 1 March 2026. After the fixed term it continues from month to month.

Rent and deposit
The rent is 1,350 pounds per month, due on the 1st of each month by standing order. A deposit of 1,550 pounds is held in the government-backed Tenancy Deposit Scheme and returned within 10 days of the end of the tenancy, minus any agreed deductions. Rent may be increased once a year with two months' written notice.

Ending the tenancy
The tenant may end the tenancy after the fixed term by giving one month's written notice. The landlord must give two months' notice. There is a break clause after six months: either party may end the tenancy at that point with two months' notice.

Repairs and maintenance
The landlord is responsible for the structure, the boiler, plumbing and electrical wiring. Report repairs through the Hartley tenant portal; urgent repairs such as a burst pipe or no heating are attended within 24 hours. The tenant must replace light bulbs and keep the drains clear.

Rules
Pets are allowed only with the landlord's written consent. Smoking is not allowed anywhere in the flat. Subletting is not permitted. The tenant must allow an inspection every six months with at least 24 hours' notice.

Utilities and bills
The tenant pays council tax, electricity, gas, water and broadband. The building's service charge is included in the rent.
`,
  },
];

const q = heldOutQuestion;
const all = heldOutQuestionAll;

export const freshQuestions: EvalQuestion[] = [
  // Bike share
  q('plain', 'bikeshare', 'How much does the monthly pass cost?', '15 euros'),
  q('plain', 'bikeshare', 'How old do you have to be to ride a Greenway bike?', '16 years'),
  q('paraphrase', 'bikeshare', 'Is there a cheaper yearly pass for students?', '60 euros'),
  q('paraphrase', 'bikeshare', 'What happens if I keep a bike for two days?', '400 euros'),
  q('plain', 'bikeshare', 'What do I do if the dock is full?', 'nearest dock'),
  q('paraphrase', 'bikeshare', 'Do I have to wear a helmet?', 'not required by law'),
  q('noisy', 'bikeshare', 'hey!! my member no is GB-7781234. how do i cancel the monthly pass', 'Account > Membership'),
  q('paraphrase', 'bikeshare', 'Can I get my money back on an annual pass I bought last week?', 'first 14 days'),
  q('plain', 'bikeshare', 'How much extra do e-bikes cost?', '0.10 euros per minute'),
  q('noisy', 'bikeshare', "I ride to work every day and sometimes go to the next town over for lunch with friends, which is a bit of a trek. Is it a problem if I ride outside the service area?", '25 euros'),

  // Dental FAQ
  q('faq', 'dental', 'What are the opening hours of the dental clinic?', '8:00 to 19:00'),
  q('faq', 'dental', 'How much is a check-up at Riverside Dental?', '55 pounds'),
  q('paraphrase', 'dental', 'Will I be charged if I miss my dentist appointment?', '35 pounds'),
  q('faq', 'dental', 'Do you see kids?', 'paediatric dentist'),
  q('paraphrase', 'dental', 'Can I spread the cost of expensive dental treatment?', '12 monthly instalments'),
  q('faq', 'dental', 'Is whitening safe when pregnant?', 'not suitable during pregnancy'),
  q('paraphrase', 'dental', 'My tooth broke on Saturday night, what should I do?', 'NHS 111'),
  q('noisy', 'dental', 'Good afternoon,\nmy NHS number is 943 476 5919.\nWhere can I park when I come to the clinic?', 'Mill Lane'),
  q('faq', 'dental', 'How often should I have a dental check-up?', '6 to 12 months'),

  // Office move
  q('plain', 'office-move', 'When do staff move into the Harbour Street office?', '1 December 2025'),
  q('plain', 'office-move', 'How many desks does the new office have?', '140 desks'),
  q('paraphrase', 'office-move', 'Will I have my own desk in the new office?', 'desks are not assigned'),
  q('plain', 'office-move', 'When must crates be packed for the office move?', '28 November'),
  q('paraphrase', 'office-move', 'Can I drive to the new office and park there?', 'Car parking is not available'),
  q('plain', 'office-move', 'What is the budget for the office move?', '1.2 million pounds'),
  q('plain', 'office-move', 'What is the biggest risk for the office move?', 'meeting room screens'),
  q('noisy', 'office-move', 'Re: Harbour St\n\nSorry if this was covered already — who should I ask about the move?', 'Priya Nair'),
  q('paraphrase', 'office-move', 'Is there somewhere to leave my bicycle at the new office?', 'bike room with 60 spaces'),
  q('plain', 'office-move', 'By when must the King\'s Road office be handed back?', '19 December 2025'),

  // Plants
  q('plain', 'plants', 'How often should I water a Boston fern?', 'twice a week in summer'),
  q('paraphrase', 'plants', 'Why are the tips of my fern going brown?', 'air is too dry'),
  q('paraphrase', 'plants', 'Why are my monstera leaves turning yellow?', 'overwatering'),
  q('plain', 'plants', 'Is a monstera poisonous to cats?', 'toxic to cats and dogs'),
  q('paraphrase', 'plants', "Why don't my monstera leaves have holes?", 'low light'),
  q('plain', 'plants', 'How do I get rid of spider mites?', 'insecticidal soap'),
  q('plain', 'plants', 'What temperature do ferns and monsteras need?', '18 to 24 °C'),
  q('plain', 'plants', 'When should I repot a monstera?', 'every two years in spring'),
  q('noisy', 'plants', 'my partner gave me a fern for my birthday (so sweet) but i have no idea what im doing lol. how much light does it need?', 'bright, indirect light'),

  // Backup agent
  q('plain', 'backup', 'What does error NB-204 mean?', 'storage quota'),
  q('noisy', 'backup', 'Nimbus keeps saying NB-101, help', 'cannot reach the Nimbus servers'),
  q('paraphrase', 'backup', "Why didn't my laptop back up while I was travelling unplugged?", 'on battery'),
  q('paraphrase', 'backup', 'I lost my encryption key, can Nimbus get it back?', 'cannot recover a lost key'),
  q('plain', 'backup', 'How long are file versions kept on the Personal plan?', '30 days'),
  q('paraphrase', 'backup', 'Why is my first Nimbus backup taking so long?', 'several days'),
  q('plain', 'backup', 'Where are the Nimbus logs on Linux?', '/var/log/nimbus'),
  q('plain', 'backup', 'How much bandwidth does the backup agent use?', '50 percent'),
  q('noisy', 'backup', 'ticket #88123 — customer says files were skipped with NB-307. what does that mean?', 'locked by another program'),

  // Tenancy
  q('plain', 'tenancy', 'How much is the rent for Flat 4B?', '1,350 pounds per month'),
  q('plain', 'tenancy', 'How big is the deposit?', '1,550 pounds'),
  q('paraphrase', 'tenancy', 'How much notice do I need to give to move out?', "one month's written notice"),
  q('paraphrase', 'tenancy', 'Can I have a dog in the flat?', "landlord's written consent"),
  q('plain', 'tenancy', 'Who fixes the boiler?', 'landlord is responsible'),
  q('paraphrase', 'tenancy', 'How fast is a burst pipe repaired?', 'within 24 hours'),
  q('plain', 'tenancy', 'Is the service charge included in the rent?', 'service charge is included'),
  q('paraphrase', 'tenancy', 'When do I get my deposit back?', 'within 10 days'),
  q('noisy', 'tenancy', 'Hi there, I signed the lease yesterday (ref HL-2026-00417). Can the landlord put the rent up?', 'once a year'),
  q('plain', 'tenancy', 'Is there a break clause in the tenancy?', 'after six months'),

  // Summaries, dates, mentions
  q('summary', 'plants', 'Summarize the houseplant care guide', 'Houseplant Care Guide'),
  q('summary', 'tenancy', 'Give me the key points of the tenancy agreement', 'Tenancy Agreement Summary'),
  // The most recent document is the last one of the whole corpus: harness.ts fills in its title.
  q('summary', undefined, NEWEST_DOCUMENT_QUESTION, []),
  all('dates', 'office-move', 'What are the key dates for the office move?', ['1 December 2025', '28 November']),
  all('mentions', undefined, 'Which documents mention refunds?', ['Greenway Bike Share']),
  all('mentions', undefined, 'Which documents mention parking?', ['Riverside Dental Clinic', 'Office Move to Harbour Street']),

  // Not in the documents
  q('none', undefined, 'How much does it cost to rent a car in the city?', null),
  q('none', undefined, 'Does the dental clinic do orthodontic braces?', null),
  q('none', undefined, 'What is the wifi password in the new office?', null),
  q('none', undefined, 'How often should I water a cactus?', null),
  q('none', undefined, 'Can I restore files from Nimbus on an iPhone?', null),
  q('none', undefined, 'Who is the landlord\'s lawyer?', null),
  q('none', undefined, 'What is the capital of France?', null),
  q('none', undefined, 'asdf qwer zxcv', null),
];
