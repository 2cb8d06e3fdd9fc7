// A third, independent held-out part of the answer eval, written by someone who had not seen the
// answerer's code, its tuning or its failures, so nothing learned while tuning can leak into it.
// New documents of kinds the first two parts lack (a product warranty, an IT onboarding guide in
// markdown, a SaaS FAQ, a restaurant allergen sheet with bullet lists, a council notice with
// dates, allotment AGM minutes, a dog boarding FAQ, a software README) and questions about them in
// every kind: plain (the most common), noisy (pasted ids, greetings, stories, typos, signatures),
// faq (answered from the FAQ answers, not the question lines), paraphrase, summary, dates,
// mentions (checked against the whole corpus) and none (near misses on the same topics, general
// knowledge, one noisy). All of it counts as held out.
import type { EvalDocument } from './documents';
import { heldOutQuestion, heldOutQuestionAll, type EvalQuestion } from './questions';

export const fresh3Documents: EvalDocument[] = [
  {
    id: 'vacuum-warranty',
    title: 'Kestrel V8 Cordless Vacuum — Limited Warranty',
    format: 'text',
    text: `Kestrel V8 Cordless Vacuum — Limited Warranty

This warranty is given by Kestrel Home Appliances Ltd, Unit 7, Brindley Park, Leicester LE4 9GH. It is in addition to your statutory rights as a consumer and does not affect them.

Warranty period
Your Kestrel V8 is guaranteed against defects in materials and workmanship for 2 years from the date of purchase. The digital motor is guaranteed for 5 years if you register the product within 28 days of purchase. The lithium-ion battery pack is a consumable part and is guaranteed for 12 months, or 400 full charge cycles, whichever comes first.

Registering your vacuum
Register online at kestrel-home.example/register or by scanning the QR code on the box. You will need the serial number, which is printed on a silver label behind the clear dust bin. Keep your proof of purchase; we may ask for it before we accept a claim.

What is covered
- Repair or replacement of any part that fails because of a manufacturing defect
- Labour and return postage for a repair
- A replacement unit of the same or a newer model if your vacuum cannot be repaired

What is not covered
- Normal wear and tear of brush bars, filters and rollers
- Blockages caused by sand, plaster dust, liquids or other debris the V8 is not designed to collect
- Damage from using chargers or batteries not made by Kestrel
- Commercial use, including cleaning businesses and holiday lets
- Products bought second-hand from unauthorised sellers on online auction sites

How to make a claim
Email warranty@kestrel-home.example with your serial number, a copy of your receipt and a short description of the fault, or call our support team on 0808 157 0392 (Monday to Saturday, 8:00 to 20:00). Our team will first try to fix the problem over the phone or by video call. If the vacuum needs a repair we send you a prepaid courier label and a box. Repairs are normally completed within 10 working days of the vacuum reaching our service centre.

Filters and maintenance
Wash the pre-motor filter in cold water once a month and let it dry for at least 24 hours before refitting it. A blocked filter makes the motor overheat, and overheating caused by a filter that was not cleaned is not covered by the warranty.

Replacement parts
Genuine filters, brush bars and batteries can be ordered from our online shop. A replacement battery costs 49 pounds and comes with its own 12 month guarantee.

Transfer of warranty
The warranty stays with the vacuum if you give it away or sell it, provided the new owner has the original proof of purchase.
`,
  },
  {
    id: 'it-onboarding',
    title: 'Fernhill Architects — IT Onboarding Guide',
    format: 'markdown',
    text: `# Fernhill Architects — IT Onboarding Guide

Welcome to Fernhill! This guide covers the IT side of your first week. The IT Service Desk is on the 3rd floor, next to the print room, and is staffed Monday to Friday from 8:00 to 18:00. You can also reach it at servicedesk@fernhill.example or on internal extension 4357.

## Day one checklist

- Collect your laptop from the Service Desk between 9:00 and 10:30. Bring the confirmation email from HR.
- Sign the equipment form. Your laptop, charger and headset are registered to you.
- Sign in with the username from your welcome letter: your first initial followed by your surname, for example jsmith.
- Open the Company Portal app and let it install your standard software. This takes about 45 minutes, so keep the laptop plugged in.

## Your equipment

Architects and designers get a 16-inch MacBook Pro with 36 GB of memory; everyone else gets a 14-inch Dell Latitude. Every new starter also gets a Jabra headset and a laptop bag. A second monitor can be requested through the Company Portal; delivery takes about a week.

## Software

Standard software (Microsoft 365, Teams, Adobe Acrobat and Zoom) is installed automatically. Design staff also receive AutoCAD, Revit and Rhino licences on day one. Anything else must be requested in the Company Portal and approved by your line manager. Licences that cost more than 300 pounds a year also need approval from the IT manager, Daniel Osei.

## Files and storage

- Project files live on the ProjectStore drive, in a folder named after the project number, such as 2026-014.
- Personal work files go in OneDrive, which is backed up every night. Each person has 1 TB of OneDrive space.
- Do not keep project files on your laptop's desktop; they are not backed up.

## Printing

There are printers on every floor. We use Follow Me printing: send your job to the printer called FH-FollowMe and release it at any printer by tapping your badge. Large-format plans (A1 and A0) are printed on the plotter in the 2nd floor print room and must be sent by 15:00 for same-day printing.

## Planned maintenance

Join the IT Announcements channel in Teams to hear about planned outages. Maintenance happens on the first Thursday of every month from 19:00 to 22:00, when ProjectStore may be unavailable.

## Getting help

- Urgent problems that stop you working: call extension 4357.
- Everything else: raise a ticket in the portal at help.fernhill.example. Tickets are answered within one working day.
- Out of hours (evenings and weekends): call the on-call engineer on 0161 496 0755.

## Leaving Fernhill

Return your laptop and headset to the Service Desk on your last day. Your accounts are disabled at 18:00 on your last working day and your mailbox is deleted after 90 days.
`,
  },
  {
    id: 'tallyhop-faq',
    title: 'Tallyhop Invoicing — Frequently Asked Questions',
    format: 'text',
    text: `Tallyhop Invoicing — Frequently Asked Questions

How long is the free trial?
Every new workspace gets a 21-day free trial with all the features of the Pro plan. No credit card is needed to start. When the trial ends you choose a plan, or your workspace becomes read-only.

What plans do you offer?
Solo costs 9 dollars per month for one user and up to 20 invoices a month. Pro costs 29 dollars per month and includes 5 users and unlimited invoices. Each additional user on Pro costs 6 dollars per month.

Is there a discount for paying yearly?
Yes. Yearly billing gives you two months free, so Pro costs 290 dollars per year and Solo costs 90 dollars per year.

Which currencies can I invoice in?
You can send invoices in 38 currencies. Exchange rates are updated once an hour from the European Central Bank, and your reports are always shown in your workspace's base currency.

How do my clients pay me?
Clients pay by card or bank transfer through the Pay now button on every invoice. Card payments are processed by Stripe, and PayPal can be switched on under Settings > Payments. Tallyhop does not charge a fee on top of the payment processor's fee.

Can Tallyhop chase late payers for me?
Yes. Turn on automatic reminders and Tallyhop emails your client 3, 7 and 14 days after the due date. You can edit the wording of each reminder and add a late fee of up to 5 percent.

Can I send the same invoice every month?
Use recurring invoices. Pick weekly, monthly, quarterly or yearly, and Tallyhop creates and sends the invoice at 6:00 in your time zone on the chosen day.

Does Tallyhop handle VAT and sales tax?
You can add up to three tax rates per line item. Tallyhop shows tax totals on each invoice and in the quarterly tax report, but it does not file returns for you, so please check with your accountant.

How do I move my data out of Tallyhop?
Go to Settings > Data and click Export. You get a ZIP file with your clients, invoices and payments as CSV files and every invoice as a PDF. Exports are usually ready within 10 minutes and the download link is valid for 7 days.

Can I import clients from another tool?
Yes. Upload a CSV file with one client per row under Clients > Import. Ready-made templates for FreshBooks, Xero and QuickBooks exports are provided.

Can my accountant see my invoices?
Invite your accountant as a user with the Accountant role. Accountants can view invoices and download reports but cannot send or edit invoices, and they do not count towards your user limit.

How do I contact support?
Write to help@tallyhop.example or use the chat bubble in the app. Our support team answers Monday to Friday, 8:00 to 18:00 Central European Time, usually within 2 hours.
`,
  },
  {
    id: 'allergens',
    title: 'The Copper Pot — Allergen and Menu Information',
    format: 'markdown',
    text: `# The Copper Pot — Allergen and Menu Information

The Copper Pot, 14 Quay Street, Bristol. This sheet lists the 14 major allergens in every dish on our spring menu, valid from 1 April 2026. Dishes change with the seasons, so always tell your server about any allergy before you order, even if you have eaten with us before.

## How to read this sheet

- (V) vegetarian, (VG) vegan, (GF) made without gluten-containing ingredients
- Allergens are listed after each dish in capitals
- Dishes not marked (GF) contain gluten or are cooked in the shared fryer

## Starters

- Roasted tomato soup with basil oil (VG, GF): CELERY
- Crispy squid with lime aioli: MOLLUSCS, EGG, GLUTEN (wheat)
- Burrata with grilled peaches and hazelnuts (V, GF): MILK, NUTS (hazelnut)
- Chicken liver pâté with toasted brioche: MILK, EGG, GLUTEN (wheat), SULPHITES

## Mains

- Pan-fried hake with mussels and samphire (GF): FISH, MOLLUSCS, MILK, SULPHITES
- Wild mushroom risotto (V, GF): MILK, CELERY, SULPHITES
- Chickpea and spinach curry with rice (VG, GF): MUSTARD
- 28-day aged sirloin with chips and peppercorn sauce: MILK, MUSTARD, SULPHITES
- Beer-battered haddock and chips: FISH, GLUTEN (wheat, barley)

## Desserts

- Sticky toffee pudding with clotted cream (V): MILK, EGG, GLUTEN (wheat)
- Lemon posset with shortbread (V): MILK, GLUTEN (wheat)
- Mango and coconut sorbet (VG, GF): no major allergens

## Fryer and kitchen

We have one shared fryer for chips, squid and battered fish, so nothing from the fryer is suitable for people with coeliac disease or a fish allergy. Our kitchen handles peanuts and tree nuts every day, and we cannot guarantee any dish is free from traces of nuts. Sesame is used only in our sesame bloomer bread, which we bake on Fridays and Saturdays.

## Gluten-free and vegan options

Gluten-free bread is available on request for 2 pounds. Every vegan dish is cooked in separate pans. Our chips are vegan but are not gluten free because of the shared fryer.

## Questions

Our head chef, Marta Kowalczyk, checks this sheet every week. For full ingredient lists email allergens@copperpot.example or ask to speak to the duty manager. Please give us 48 hours' notice if you need a dessert made without milk or egg for a special occasion.
`,
  },
  {
    id: 'waste-collection',
    title: 'Millbrook District Council — Changes to Your Waste Collection',
    format: 'text',
    text: `Millbrook District Council — Changes to Your Waste Collection

Notice to all households, published 2 February 2026

From Monday 6 April 2026 the way we collect your bins is changing. The changes follow the public consultation in autumn 2025, which received 4,318 responses, and will help us reach the national target of recycling 65 percent of household waste by 2035.

What is changing
General waste (black bin) will be collected every three weeks instead of every two weeks.
Mixed recycling (blue bin) stays fortnightly.
Food waste (green caddy) will be collected every week, on the same day as your other bins.
Glass will be collected every four weeks in a new purple-lidded box. Boxes will be delivered to every household between 9 March and 3 April 2026.

Your collection day
Most households keep their current collection day. About 3,200 households in Ashby Vale and Lowfield will move to a new day; they will get a letter by 20 March 2026. You can check your day by entering your postcode at millbrook.gov.example/bins.

Garden waste
The brown bin garden waste service is an optional subscription. The 2026–27 subscription costs 52 pounds per bin and runs from 1 April 2026 to 31 March 2027. Sign up by 15 March 2026 to keep your collections going without a gap. Residents receiving Council Tax Reduction pay 26 pounds.

Putting your bins out
Put your bins out by 6:30 on your collection day, with the lids fully closed. Extra bags left next to a black bin will not be taken. Households of six or more people can apply for a larger 240 litre black bin.

Bulky items
We collect up to three bulky items, such as a sofa, a mattress or a fridge, for 30 pounds. Book at least five working days ahead online or by phone.

Missed collections
If your bin has not been emptied, report it by 17:00 on the next working day and we will come back within 2 working days.

Contact
Waste Services, Millbrook District Council, Civic Centre, Market Square, Millbrook MB1 2AA. Phone 01632 960 447 (Monday to Friday, 8:30 to 17:00). Email waste@millbrook.gov.example.
`,
  },
  {
    id: 'allotment-agm',
    title: 'Riverbend Allotment Society — AGM Minutes, 9 November 2025',
    format: 'text',
    text: `Riverbend Allotment Society — AGM Minutes, 9 November 2025

Date: Sunday 9 November 2025, 14:00
Place: St Anne's Church Hall, Riverbend
Present: 34 members, including the committee. Apologies were received from 7 members.
Chair: Graham Whitlock. Minutes taken by the secretary, Priyanka Desai.

1. Minutes of the last AGM
The minutes of the AGM held on 10 November 2024 were approved without changes.

2. Chair's report
Graham thanked everyone who helped rebuild the communal shed after the February storm. All 86 plots were let during the season, and the waiting list now stands at 41 people. The open day on 14 June raised 640 pounds for the Riverbend food bank.

3. Treasurer's report
The treasurer, Owen Price, reported a closing balance of 4,812 pounds on 30 September 2025. Water charges rose by 18 percent and insurance by 9 percent over the year. The accounts were approved.

4. Rents for 2026
The committee proposed raising the annual rent for a full plot from 45 to 48 pounds, and for a half plot from 25 to 27 pounds. Members over 70 keep their 50 percent discount. The proposal was carried with 29 votes for, 3 against and 2 abstentions. Rents are due by 31 January 2026; plots with rent unpaid after that date may be offered to the waiting list.

5. Water
The troughs were turned off on 31 October and will be turned back on in mid-March, weather permitting. Hosepipes remain banned; please use watering cans only.

6. Bonfires
After complaints from neighbours on Mill Street, bonfires are no longer allowed on any plot. Green waste should go in the communal compost bays by the main gate, and woody waste will be shredded on the two shredding days in March and October.

7. Election of officers
Graham Whitlock stood down after six years as chair. Helen Okafor was elected chair unopposed. Owen Price and Priyanka Desai were re-elected as treasurer and secretary.

8. Any other business
Members asked for a second key safe at the main gate; Owen will get quotes before the spring committee meeting. A member reported rats near the compost bays; the committee will ask the council's pest control team to visit.

Actions
- Owen Price: quotes for a second key safe, before the spring committee meeting
- Helen Okafor: write to all members about the new rents by 1 December 2025
- Priyanka Desai: add the bonfire ban to the plot agreement by 31 December 2025

Next AGM: Sunday 8 November 2026, 14:00, St Anne's Church Hall.
`,
  },
  {
    id: 'kennel-faq',
    title: 'Oakleigh Farm Dog Boarding — Frequently Asked Questions',
    format: 'markdown',
    text: `# Oakleigh Farm Dog Boarding — Frequently Asked Questions

## How much does a stay cost?
A night costs 32 pounds for one dog and 55 pounds for two dogs sharing a kennel. From 19 December to 4 January every night costs 5 pounds more.

## What vaccinations does my dog need?
Dogs must be vaccinated against distemper, hepatitis, parvovirus and leptospirosis, and must have had the kennel cough vaccine at least 14 days before arrival. Bring the vaccination card on the day; we cannot accept a dog without it.

## What are the drop-off and collection times?
Drop-off and collection are between 8:00 and 11:00 or between 16:00 and 18:00, Monday to Saturday. We are closed for drop-offs and collections on Sundays and bank holidays.

## What should I bring?
Bring your dog's usual food, enough for the whole stay plus two extra days, any medication with written instructions, and one bed or blanket. Please leave toys at home, as they cause squabbles in the play yard.

## My dog has a food allergy. Can you manage that?
Yes. We only feed your dog the food you bring, and we never give treats to dogs with allergies. Tell us about any allergies on the booking form.

## Will my dog be walked?
Every dog gets two 30-minute walks a day in our fenced fields, plus time in the play yard with dogs of a similar size if you agree to group play.

## What happens if my dog gets ill?
Our vet is Dr Sam Beale at Greenfield Veterinary Surgery, 4 miles away. We will try to call you first, but if we cannot reach you we will take your dog to the vet. You pay the vet's bill when you collect your dog.

## Do you take puppies or older dogs?
We take puppies from 16 weeks old once they have finished their first course of vaccinations. Older dogs are welcome; ask for a quiet kennel away from the play yard.

## Can my dog come for a trial night?
Yes. We recommend a trial night for any dog that has not boarded before. A trial night costs the same as a normal night.

## How do I cancel a booking?
Cancel by email to bookings@oakleighdogs.example at least 7 days before arrival and you pay nothing. Later cancellations are charged one night. For stays over Christmas, cancel by 1 December.

## Can I get updates while I'm away?
We post photos on our private Instagram account for boarding clients every evening, and you can message us on WhatsApp at 07700 900 812 between 9:00 and 19:00 for a quick update.
`,
  },
  {
    id: 'tidyphotos-readme',
    title: 'tidyphotos — README',
    format: 'markdown',
    text: `# tidyphotos — README

tidyphotos sorts a messy folder of photos and videos into folders by the date each one was taken. It reads the EXIF capture date, falls back to the file's modification time, and never changes the pictures themselves.

## Installation

On macOS with Homebrew:

    brew install tidyphotos

With Cargo (Rust 1.74 or newer):

    cargo install tidyphotos

Prebuilt binaries for Windows, macOS and Linux are attached to every release on GitHub.

## Quick start

    tidyphotos sort ~/Pictures/Inbox --into ~/Pictures/Library

This moves every photo from Inbox into folders such as Library/2025/07-July. Run it with --dry-run first to see what would happen without moving anything.

## Options

- --copy copies files instead of moving them, so the originals stay where they are
- --pattern "{year}/{month}-{monthname}" changes the folder layout; the available fields are year, month, monthname, day and camera
- --dry-run prints the planned moves and changes nothing
- --jobs 8 sets how many files are processed in parallel (the default is the number of CPU cores)
- --skip-videos leaves video files where they are

## Duplicates

tidyphotos compares files by their SHA-256 hash. When two files are identical, the second copy is moved to a folder called _duplicates inside the target folder instead of being deleted, so you can check the copies before removing them yourself.

## Configuration

Default options can be saved in a config file at ~/.config/tidyphotos/config.toml on Linux and macOS, or in the tidyphotos folder inside %APPDATA% on Windows. Command line flags always override the config file.

## Supported formats

Photos: JPEG, PNG, HEIC, WebP and the RAW formats CR2, CR3, NEF and ARW. Videos: MP4 and MOV. Files in other formats are left untouched and listed at the end of the run.

## Undo

Every run writes a log file called tidyphotos-undo.json in the target folder. Run tidyphotos undo followed by the path of that log to move every file back to where it came from. Undo only works if you have not renamed the files since.

## Contributing

Bug reports and pull requests are welcome on GitHub. Please run cargo fmt and cargo test before opening a pull request. Questions go to the Discussions board, not the issue tracker.

## License

tidyphotos is released under the MIT License. Copyright 2024–2026 Lena Fischer and contributors.
`,
  },
];

const q = heldOutQuestion;
const all = heldOutQuestionAll;

export const fresh3Questions: EvalQuestion[] = [
  // Vacuum warranty
  q('plain', 'vacuum-warranty', 'How long is the Kestrel V8 warranty?', '2 years from the date of purchase'),
  q('plain', 'vacuum-warranty', 'How long is the vacuum battery guaranteed for?', '400 full charge cycles'),
  q('plain', 'vacuum-warranty', 'Where is the serial number on the Kestrel V8?', 'behind the clear dust bin'),
  q('plain', 'vacuum-warranty', 'How long do Kestrel repairs take?', 'normally completed within 10 working days'),
  q('plain', 'vacuum-warranty', 'How much is a replacement battery for the Kestrel?', '49 pounds'),
  q('paraphrase', 'vacuum-warranty', 'My vacuum clogged after I used it to clean up after plastering the walls. Will Kestrel fix it for free?', 'plaster dust'),
  q('paraphrase', 'vacuum-warranty', 'I passed my vacuum on to a friend. Is it still under guarantee for her?', 'new owner has the original proof of purchase'),
  q('noisy', 'vacuum-warranty', 'Hi, order KST-448812 here. my v8 stopped working, whats the email for warranty claims', 'warranty@kestrel-home.example'),
  q('noisy', 'vacuum-warranty', 'My SSN is 078-05-1120. how do i get the 5 year motor warranty', 'within 28 days of purchase'),

  // IT onboarding
  q('plain', 'it-onboarding', 'Where do I pick up my laptop on my first day?', 'Collect your laptop from the Service Desk'),
  q('plain', 'it-onboarding', 'What is the IT Service Desk extension?', '4357'),
  q('plain', 'it-onboarding', 'How do I print at Fernhill?', 'FH-FollowMe'),
  q('plain', 'it-onboarding', 'When is IT maintenance at Fernhill?', 'first Thursday of every month'),
  q('plain', 'it-onboarding', 'How much OneDrive storage do I get?', '1 TB'),
  q('paraphrase', 'it-onboarding', "What kind of computer will I get if I'm on the design team?", '16-inch MacBook Pro'),
  q('paraphrase', 'it-onboarding', 'Who do I ring if my laptop stops working on a Saturday?', '0161 496 0755'),
  q(
    'noisy',
    'it-onboarding',
    "Hello!\nI'm starting at Fernhill on Monday as a junior designer. How long does the software install take on the new laptop?\nCheers, Ana",
    'about 45 minutes',
  ),
  q('noisy', 'it-onboarding', 'Re: onboarding\n\nquick q — whats the cutoff for sending A1 plans to the plotter for same day', 'by 15:00'),

  // Tallyhop FAQ
  q('faq', 'tallyhop-faq', 'How long does the Tallyhop free trial last?', '21-day free trial'),
  q('faq', 'tallyhop-faq', 'What currencies does Tallyhop support?', '38 currencies'),
  q('faq', 'tallyhop-faq', 'Can Tallyhop send reminders to clients who pay late?', '3, 7 and 14 days after the due date'),
  q('faq', 'tallyhop-faq', 'How do I export my data from Tallyhop?', 'Settings > Data'),
  q('faq', 'tallyhop-faq', 'How can I contact Tallyhop support?', 'help@tallyhop.example'),
  q('faq', 'tallyhop-faq', 'Is Tallyhop cheaper if I pay yearly?', '290 dollars per year'),
  q('plain', 'tallyhop-faq', 'How much does the Tallyhop Pro plan cost?', '29 dollars per month'),
  q(
    'noisy',
    'tallyhop-faq',
    "Hi Tallyhop team,\nI'm moving over from Xero and have about 300 clients. can i import them from a csv?\n\nBest,\nMarco Rossi\nRossi Design Studio | +39 02 5550 1234",
    'Clients > Import',
  ),
  q('noisy', 'tallyhop-faq', 'quick q — how many invoices can i send on the solo plan', '20 invoices a month'),

  // Copper Pot allergens
  q('plain', 'allergens', 'Is the mushroom risotto gluten free?', 'Wild mushroom risotto (V, GF)'),
  q('plain', 'allergens', 'Which allergens are in the crispy squid?', 'MOLLUSCS, EGG, GLUTEN'),
  q('plain', 'allergens', 'How much is gluten-free bread at The Copper Pot?', 'request for 2 pounds'),
  q('plain', 'allergens', 'Who is the head chef at The Copper Pot?', 'Marta Kowalczyk'),
  q('paraphrase', 'allergens', 'I have coeliac disease. Are the chips safe for me?', [
    'not gluten free because of the shared fryer',
    'nothing from the fryer is suitable',
  ]),
  q('paraphrase', 'allergens', 'My son reacts badly to peanuts. Can you promise his meal will be completely nut-free?', 'cannot guarantee any dish is free from traces of nuts'),
  q('noisy', 'allergens', 'allergic to sesame!! which days is the bread a problem', 'Fridays and Saturdays'),
  q(
    'noisy',
    'allergens',
    "Hi,\nI'm booking a table for my mum's 60th on the 12th (ref CP-20931). She can't have dairy or eggs, how much notice do you need for a dessert without them?\nThanks, Jo",
    "48 hours' notice",
  ),

  // Waste collection notice
  q('plain', 'waste-collection', 'How often will black bins be collected from April?', 'every three weeks'),
  q('plain', 'waste-collection', 'How much is the garden waste subscription?', '52 pounds per bin'),
  q('plain', 'waste-collection', 'What time should I put my bins out?', 'by 6:30'),
  q('plain', 'waste-collection', 'When will the new glass boxes be delivered?', 'between 9 March and 3 April 2026'),
  q('plain', 'waste-collection', "What is the council's phone number for waste services?", '01632 960 447'),
  q('paraphrase', 'waste-collection', "The bin lorry didn't come down our street today. What should I do?", 'next working day'),
  q('paraphrase', 'waste-collection', "There are seven of us at home and the rubbish bin is always overflowing. Can we get a bigger one?", '240 litre'),
  q(
    'noisy',
    'waste-collection',
    "Dear council,\nI live in Lowfield (postcode MB4 7QT) and a neighbour told me our bin day is changing. when will I find out the new day?",
    '20 March 2026',
  ),
  q('noisy', 'waste-collection', 'My phone is 07700 900123, email j.harris@mailbox.example. How much to get an old sofa and mattress taken away?', '30 pounds'),

  // Allotment AGM minutes
  q('plain', 'allotment-agm', 'Who was elected chair of the allotment society?', 'Helen Okafor'),
  q('plain', 'allotment-agm', 'How much is the rent for a full plot in 2026?', '48 pounds'),
  q('plain', 'allotment-agm', 'When is the allotment rent due?', '31 January 2026'),
  q('plain', 'allotment-agm', 'How many people are on the allotment waiting list?', '41 people'),
  q('plain', 'allotment-agm', 'When is the next allotment AGM?', '8 November 2026'),
  q('paraphrase', 'allotment-agm', 'Am I still allowed to burn garden rubbish on my plot?', 'bonfires are no longer allowed'),
  q('paraphrase', 'allotment-agm', 'How much money does the allotment society have in the bank?', '4,812 pounds'),
  q(
    'noisy',
    'allotment-agm',
    'sorry I missed the AGM (was away visiting my sister in Leeds, long story). did the plot rent go up and how did the vote go',
    '29 votes for',
  ),

  // Oakleigh dog boarding FAQ
  q('faq', 'kennel-faq', 'How much is a night at Oakleigh for one dog?', '32 pounds for one dog'),
  q('faq', 'kennel-faq', 'Which vaccinations does my dog need for boarding?', 'at least 14 days before arrival'),
  q('faq', 'kennel-faq', 'What time can I drop off my dog?', 'between 8:00 and 11:00'),
  q('faq', 'kennel-faq', 'What should I pack for my dog?', 'plus two extra days'),
  q('faq', 'kennel-faq', 'Will my dog get walks during the stay?', 'two 30-minute walks a day'),
  q('faq', 'kennel-faq', 'How can I cancel my booking at Oakleigh?', 'at least 7 days before arrival'),
  q('paraphrase', 'kennel-faq', 'Who pays if my dog needs a vet while I am on holiday?', "You pay the vet's bill"),
  q(
    'noisy',
    'kennel-faq',
    "Good morning,\n\nWe're off to Crete for a fortnight in August. Our neighbour usually looks after Rufus but she's moving away, so we're looking at kennels for the first time. He has a chicken allergy. Can you manage that?",
    'only feed your dog the food you bring',
  ),
  q(
    'noisy',
    'kennel-faq',
    "Hi there! Booking ref OAK-5521, Bella (labrador, 3yo). She's never stayed anywhere before and she gets anxious. can she try one night first",
    'We recommend a trial night',
  ),

  // tidyphotos README
  q('plain', 'tidyphotos-readme', 'How do I install tidyphotos with Homebrew?', 'brew install tidyphotos'),
  q('plain', 'tidyphotos-readme', 'What Rust version does tidyphotos need?', 'Rust 1.74 or newer'),
  q('plain', 'tidyphotos-readme', 'What license is tidyphotos under?', 'MIT License'),
  q('plain', 'tidyphotos-readme', 'Which RAW formats does tidyphotos support?', 'CR2, CR3, NEF and ARW'),
  q('plain', 'tidyphotos-readme', 'Where is the tidyphotos config file on Linux?', '~/.config/tidyphotos/config.toml'),
  q('paraphrase', 'tidyphotos-readme', 'Will tidyphotos throw away pictures that appear twice?', '_duplicates'),
  q('noisy', 'tidyphotos-readme', 'ran tidyphotos last night and everything ended up in the wrong folders ugh. how do i reverse it', 'tidyphotos undo'),
  q(
    'noisy',
    'tidyphotos-readme',
    "hey so i ran tidyphotos on like 20k pictures from my dad's old camera and it was super slow?? can i make it use more cores",
    '--jobs',
  ),

  // Summaries, dates, mentions
  q('summary', 'vacuum-warranty', 'Summarize the Kestrel vacuum warranty', 'Kestrel V8 Cordless Vacuum'),
  q('summary', 'waste-collection', 'Give me the gist of the council notice about bin collections', 'Changes to Your Waste Collection'),
  q('summary', 'allotment-agm', 'tl;dr of the allotment society AGM minutes', 'Riverbend Allotment Society'),
  // "Summarize my most recent document" is asked in fresh.ts (about the corpus's last document).
  all('dates', 'waste-collection', 'What are the important dates in the waste collection notice?', ['6 April 2026', '15 March 2026']),
  all('dates', 'allotment-agm', 'List the deadlines from the allotment AGM minutes', ['31 January 2026', '1 December 2025', '31 December 2025']),
  all('dates', 'kennel-faq', 'What dates should I know about for Christmas boarding at Oakleigh?', ['19 December', '1 December']),
  all('mentions', undefined, 'Which documents mention allergies?', ['The Copper Pot', 'Oakleigh Farm Dog Boarding']),
  all('mentions', undefined, 'Which documents mention a badge?', ['Northwind Employee Handbook', 'Information Security Policy', 'Fernhill Architects']),
  all('mentions', undefined, 'Which documents mention dogs?', ['Houseplant Care Guide', 'Oakleigh Farm Dog Boarding']),

  // Not in the documents
  q('none', undefined, 'Does the Kestrel warranty cover use outside the UK?', null),
  q('none', undefined, 'Hi, my order number is KST-448812 and my phone is 07700 900456.\nWhat colours does the Kestrel V8 come in?', null),
  q('none', undefined, 'Does Tallyhop integrate with Shopify?', null),
  q('none', undefined, 'Does The Copper Pot have outdoor seating?', null),
  q('none', undefined, 'How much does the sirloin cost at The Copper Pot?', null),
  q('none', undefined, 'Can I put batteries in the blue recycling bin?', null),
  q('none', undefined, 'What are the opening hours of the Millbrook recycling centre?', null),
  q('none', undefined, 'How big is a full allotment plot?', null),
  q('none', undefined, 'Does Oakleigh board cats as well as dogs?', null),
  q('none', undefined, 'Can tidyphotos upload my photos to Google Photos?', null),
  q('none', undefined, 'Who painted the Mona Lisa?', null),
  q('none', undefined, 'What is the boiling point of water at sea level?', null),
];
