// The corpus of the answer eval: ordinary documents of the kinds people upload (a handbook, an
// FAQ, a product manual, a policy, release notes, a recipe, a travel guide, a contract summary,
// meeting notes, API docs, a syllabus, a price list, an insurance summary). Topics overlap on
// purpose (refunds, deadlines, prices and passwords appear in several) so a question has to be
// answered from the right passage, not the first one that shares a word.

export interface EvalDocument {
  id: string;
  title: string;
  format: 'markdown' | 'text';
  text: string;
}

export const documents: EvalDocument[] = [
  {
    id: 'handbook',
    title: 'Northwind Employee Handbook',
    format: 'markdown',
    text: `# Northwind Employee Handbook

Welcome to Northwind Logistics. This handbook explains how we work together, what you can expect from us and what we expect from you. It applies to all permanent employees in our European offices.

## Working hours

Our core hours are 10:00 to 15:00, Monday to Friday. Outside core hours you can arrange your day with your team. Full-time employees work 38 hours per week. Overtime must be approved in advance by your manager and is compensated with time off in lieu.

## Remote work

Employees may work from home up to three days per week. Working from another country is allowed for at most 20 working days per calendar year and must be registered with HR at least two weeks before you travel. We provide a one-time home office allowance of 400 euros for a chair, a desk or a monitor.

## Vacation and time off

Full-time employees receive 27 days of paid vacation per calendar year, plus public holidays. Vacation days accrue monthly at 2.25 days per month. Up to five unused days can be carried over into the next year; they must be taken before 31 March or they expire. Vacation requests go through the HR portal and need approval from your manager at least two weeks in advance for absences longer than three days.

## Sick leave

If you are ill, tell your manager before 10:00 on the first day of absence. From the fourth consecutive day of illness we need a doctor's note. Sick days never reduce your vacation balance.

## Parental leave

Birth parents receive 16 weeks of fully paid parental leave. Partners and adoptive parents receive 8 weeks of fully paid leave, which can be taken at any time during the first year after the child arrives. Please inform HR at least eight weeks before your leave starts.

## Probation

New employees have a probation period of six months. During probation either side may end the contract with two weeks' notice. Your manager holds a review meeting with you in month three and again before the end of probation.

## Expenses

Business expenses are reimbursed when they are submitted with a receipt within 60 days. Submit claims in the expense tool; claims above 1,000 euros need the approval of a department head. Train travel is preferred over flights for journeys under six hours. Hotel costs are reimbursed up to 180 euros per night, or 250 euros in London, Paris and Zurich.

## Learning budget

Every employee has a learning budget of 1,500 euros per year for courses, conferences and books. Unused budget does not carry over. Ask your manager before booking anything that costs more than 500 euros.

## Leaving Northwind

The notice period after probation is one month for the first two years and three months after that. Return your laptop, badge and any company cards on your last day.
`,
  },
  {
    id: 'faq',
    title: 'Lumen Notes Help Center FAQ',
    format: 'text',
    text: `Lumen Notes — Frequently Asked Questions

Account and sign-in

How do I reset my password?
Open the sign-in page and choose "Forgot password". We email you a reset link that stays valid for 30 minutes. If the email does not arrive, check your spam folder or contact support.

Can I change the email address on my account?
Yes. Go to Settings > Account, enter the new address and confirm it from the verification email. Your notes and shared notebooks stay exactly as they are.

How do I turn on two-factor authentication?
Go to Settings > Security and choose "Enable two-factor authentication". Scan the QR code with an authenticator app such as Google Authenticator or 1Password. Keep the ten recovery codes somewhere safe: each code works once.

Billing and subscriptions

How much does Lumen Notes cost?
The Personal plan is free for up to 1,000 notes. Lumen Plus costs 6 dollars per month or 60 dollars per year. Lumen Teams costs 10 dollars per user per month, billed annually.

How do I cancel my subscription?
Go to Settings > Billing and choose "Cancel plan". Your plan stays active until the end of the current billing period, and then your account moves to the free Personal plan. You keep all your notes.

Do you offer refunds?
Annual plans can be refunded in full within 14 days of purchase. Monthly plans are not refunded, but you can cancel at any time to stop future charges. To ask for a refund, write to billing@lumen-notes.example with your invoice number.

Do you offer discounts for students or nonprofits?
Students and teachers get Lumen Plus at half price with a valid school email address. Registered nonprofits receive a 30 percent discount on Lumen Teams.

Using Lumen Notes

Does Lumen Notes work offline?
Yes. The desktop and mobile apps keep a full copy of your notes on the device, so you can read and edit without a connection. Changes sync automatically the next time you are online.

How do I export my notes?
Choose File > Export and pick Markdown, PDF or HTML. You can export a single note, a notebook, or your whole account as a ZIP archive.

What is the maximum attachment size?
Attachments can be up to 25 MB each on the Personal plan and up to 250 MB on Lumen Plus and Lumen Teams.

How many people can edit a shared notebook?
A shared notebook can have up to 50 editors at the same time. Viewers are unlimited.

Privacy

Where is my data stored?
All notes are stored in data centres in Frankfurt, Germany, and encrypted at rest with AES-256. We never sell your data or use your notes to train models.

What happens to my notes if I delete my account?
Deleted accounts are kept for 30 days in case you change your mind. After 30 days all notes and attachments are permanently erased.
`,
  },
  {
    id: 'espresso',
    title: 'Aero 3 Espresso Machine — User Manual',
    format: 'markdown',
    text: `# Aero 3 Espresso Machine — User Manual

Thank you for choosing the Aero 3. Read this manual before first use and keep it for later reference.

## Before first use

Rinse the water tank and fill it with fresh cold water up to the MAX line. The tank holds 1.8 litres. Run two empty cycles without coffee to flush the system. The machine heats up in about 45 seconds; the power light stops blinking when it is ready.

## Making espresso

Grind 18 grams of coffee for a double shot. Use a fine grind setting between 3 and 6 on the built-in grinder. Tamp the coffee evenly with about 15 kilograms of pressure. A good double espresso takes 25 to 30 seconds and yields about 36 grams of coffee. If the shot runs faster than 20 seconds, choose a finer grind.

## Steaming milk

Purge the steam wand for two seconds before use. Hold the jug so the tip is just below the surface of the milk, then lower the jug as the milk expands. Stop steaming when the jug is too hot to hold, at around 60 to 65 degrees Celsius. Wipe the wand with a damp cloth immediately after every use.

## Cleaning and descaling

Empty the drip tray and the grounds container every day. Clean the brew group under running water once a week; never put it in the dishwasher. The machine needs descaling every 3 months, or when the orange descale light comes on. Use only the Aero descaling liquid: dilute one bottle with 1 litre of water, pour it into the tank and start the descaling program by holding the steam and hot water buttons together for 5 seconds. The program takes about 25 minutes.

## Troubleshooting and error codes

E1 means the water tank is empty or not seated correctly; refill it and push it firmly into place. E2 means the brew group is missing or blocked; remove it, rinse it and put it back. E3 indicates the machine is overheating; switch it off and let it cool for 30 minutes. E4 means the grinder is jammed, usually by oily beans; empty the bean hopper and run the grinder cleaning cycle. If an error code keeps coming back, contact customer service.

## Technical data

Power: 1450 W. Pump pressure: 15 bar. Weight: 7.2 kg. Bean hopper capacity: 250 grams.

## Warranty

The Aero 3 comes with a two-year warranty from the date of purchase. The warranty does not cover damage caused by limescale or by using descaling products other than the Aero descaling liquid. To make a warranty claim, register the machine at aero-coffee.example/register and keep your receipt.
`,
  },
  {
    id: 'security',
    title: 'Information Security Policy',
    format: 'markdown',
    text: `# Information Security Policy

Version 3.1, approved by the Security Council on 2 February 2025. This policy applies to every employee, contractor and intern who uses company systems or data.

## Passwords and accounts

Passwords must be at least 14 characters long. Use the company password manager to create and store them. Never reuse a work password on another site. Multi-factor authentication is mandatory for email, the VPN and all cloud services. Passwords do not expire on a schedule, but must be changed immediately if you suspect they were exposed.

## Devices

All company laptops use full-disk encryption, and screens lock automatically after 5 minutes of inactivity. Personal devices may access email only through the managed mail app. Do not install software from outside the company software catalogue without approval from IT. USB storage devices are blocked on company laptops; use the shared drive to move files.

## Reporting incidents

Report any suspected security incident, such as a lost device, a phishing email you clicked, or data sent to the wrong person, to security@northwind.example or by calling the 24/7 hotline at extension 4400. Report within one hour of noticing it. Do not try to investigate on your own and do not delete evidence. A lost or stolen laptop must also be reported to the police within 24 hours.

## Classifying data

We use three data classes: Public, Internal and Confidential. Customer personal data, salaries and contracts are always Confidential. Confidential data may only be shared with people who need it for their job, and only through approved tools. Printing confidential documents is allowed only on printers that require badge release.

## Remote access

Connect through the company VPN whenever you use internal systems from outside the office. Public Wi-Fi is allowed only with the VPN switched on. Working in public places requires a privacy screen filter, which IT provides on request.

## Access reviews

Managers review the access rights of their team every quarter. Accounts of people who leave are disabled on their last working day. Shared accounts are not allowed.

## Violations

Violations of this policy may lead to disciplinary action up to and including termination of employment. Questions about this policy go to the Information Security team.
`,
  },
  {
    id: 'release',
    title: 'Switchboard CLI Release Notes',
    format: 'markdown',
    text: `# Switchboard CLI Release Notes

## 4.2.0 — 18 June 2025

### New
- The new \`switchboard deploy --canary\` flag sends 5 percent of traffic to the new version before a full rollout.
- \`switchboard logs\` can follow several services at once with \`--service api,worker\`.
- Added support for ARM64 Linux builds.

### Fixed
- Fixed a crash when the config file contained an empty \`env\` section.
- \`switchboard login\` no longer asks for the password twice when single sign-on is enabled.
- Timeouts on slow networks were raised from 10 to 30 seconds.

### Deprecated
- The \`--legacy-auth\` option is deprecated and will be removed in version 5.0. Use API tokens instead.

## 4.1.2 — 2 May 2025

### Fixed
- Fixed a memory leak in \`switchboard watch\` that made long sessions grow past 2 GB.
- Windows paths with spaces are now quoted correctly.

## 4.1.0 — 9 April 2025

### New
- Config files can now be written in TOML as well as YAML.
- The \`switchboard status\` command shows the health of every service in a table.

### Breaking changes
- Node.js 18 is no longer supported; the minimum version is Node.js 20.
- The \`switchboard rm\` command was renamed to \`switchboard remove\`.

## Upgrading

Install the latest version with \`npm install -g @switchboard/cli@latest\`. Check your version with \`switchboard --version\`. If you used \`switchboard rm\` in scripts, replace it with \`switchboard remove\` before upgrading to 4.1 or later.
`,
  },
  {
    id: 'recipe',
    title: 'Weekend Sourdough Loaf',
    format: 'markdown',
    text: `# Weekend Sourdough Loaf

A crusty, open loaf that fits around a normal weekend. Active work is about 30 minutes; the rest is waiting.

## Ingredients

- 500 g bread flour
- 350 g water at about 30 °C
- 100 g active sourdough starter
- 10 g fine sea salt

## Method

1. Friday evening, feed your starter so it is bubbly and doubled by Saturday morning.
2. Saturday 9:00: mix the flour and 330 g of the water and leave it to rest for one hour. This rest is called the autolyse.
3. Add the starter, the salt and the remaining 20 g of water, and squeeze the dough until everything is combined.
4. Bulk fermentation takes about 4 to 5 hours at room temperature. During the first two hours, do a set of stretch and folds every 30 minutes.
5. When the dough has grown by about half and shows bubbles on the sides, shape it into a tight ball and place it in a floured banneton.
6. Cover the banneton and let the dough rest in the fridge overnight, for 12 to 16 hours. The cold proof develops flavour and makes scoring easier.

## Baking

Put a Dutch oven in the oven and preheat to 250 °C for 45 minutes. Turn the dough out onto baking paper, score the top with a razor blade, and lower it into the hot pot. Bake 20 minutes with the lid on, then remove the lid, lower the temperature to 230 °C and bake another 25 minutes until deep brown. Let the loaf cool on a rack for at least one hour before slicing, or the crumb will be gummy.

## Tips

If your kitchen is cold, bulk fermentation can take up to 8 hours; watch the dough, not the clock. For a more sour flavour, extend the cold proof to 24 hours. The loaf keeps for three days in a linen bag and freezes well in slices.
`,
  },
  {
    id: 'lisbon',
    title: 'Lisbon City Travel Guide',
    format: 'markdown',
    text: `# Lisbon City Travel Guide

Lisbon is built on seven hills above the Tagus river. It is one of the sunniest capitals in Europe, compact enough to explore on foot if you do not mind steep streets.

## When to go

The best time to visit is spring, from March to May, or early autumn in September and October, when days are warm but not crowded. July and August are hot and busy, with temperatures often above 30 degrees.

## Getting around

A rechargeable Viva Viagem card works on the metro, buses, trams and ferries; a single metro ride costs 1.85 euros with the card. The famous tram 28 rattles through Alfama, Baixa and Estrela, but it is crowded with tourists, so ride it early in the morning. From the airport, the red metro line reaches the city centre in about 25 minutes. Taxis and ride-hailing apps are cheap by European standards.

## Neighbourhoods

Alfama is the oldest district, a maze of alleys below the castle, and the home of fado music. Bairro Alto is quiet by day and full of bars at night. Belém, west of the centre, has the Jerónimos Monastery and the Belém Tower, both UNESCO World Heritage sites.

## Food and drink

Do not leave without trying pastéis de nata, the custard tarts; the bakery in Belém has made them since 1837. Grilled sardines are the dish of the June festivals. Lunch menus, the prato do dia, often cost around 10 to 12 euros. Tipping is not expected, but rounding up or leaving 5 to 10 percent in restaurants is appreciated.

## Practical information

Portugal uses the euro. Plugs are type F, 230 volts. Most museums are closed on Mondays. Tap water is safe to drink. For emergencies, call 112.

## Day trips

Sintra, with its palaces and forested hills, is 40 minutes away by train from Rossio station. The beaches of Cascais are reached by a coastal train from Cais do Sodré in about 40 minutes.
`,
  },
  {
    id: 'contract',
    title: 'Master Services Agreement Summary — Acme Analytics and Globex',
    format: 'markdown',
    text: `# Master Services Agreement Summary — Acme Analytics and Globex

This summary covers the main terms of the Master Services Agreement signed on 1 September 2024 between Acme Analytics Ltd (the provider) and Globex Corporation (the customer). It is not legal advice; the signed agreement prevails.

## Scope

Acme provides data pipeline hosting, a monthly analytics report and second-line support for the Globex data platform. Work outside this scope requires a written change request signed by both parties.

## Term and renewal

The initial term is 36 months, starting 1 October 2024. After that the agreement renews automatically for periods of 12 months unless either party gives written notice of non-renewal at least 90 days before the end of the current term.

## Fees and payment

Globex pays a fixed fee of 42,000 euros per quarter, invoiced at the start of each quarter. Invoices are payable within 30 days. Late payments carry interest of 1 percent per month. Fees may be increased once per year by at most the rate of inflation, with 60 days' written notice.

## Service levels

Acme guarantees 99.9 percent monthly availability of the hosted pipelines. Priority 1 incidents receive a response within 30 minutes, around the clock. If availability falls below the target, Globex receives a service credit of 5 percent of the quarterly fee for each full 0.1 percent below the target, capped at 25 percent.

## Termination

Either party may terminate for material breach if the breach is not cured within 30 days of written notice. Globex may terminate for convenience after the first 12 months with 6 months' notice and a termination fee equal to one quarter's fee.

## Liability and confidentiality

Each party's total liability is capped at the fees paid in the 12 months before the claim. The cap does not apply to breaches of confidentiality or data protection. Confidentiality obligations survive for five years after the agreement ends.

## Governing law

The agreement is governed by the laws of England and Wales, and disputes go to the courts of London.
`,
  },
  {
    id: 'meeting',
    title: 'Product Planning Meeting — 12 March 2025',
    format: 'markdown',
    text: `# Product Planning Meeting — 12 March 2025

Attendees: Priya Raman (product), Tom Becker (engineering), Ana Souza (design), Luis Ortega (marketing). Notes by Ana.

## Mobile app launch

The team agreed to move the public launch of the mobile app from April to 20 May 2025, because the offline sync is not stable yet. A closed beta with 200 customers starts on 7 April. Tom confirmed that the sync fix will be code-complete by 28 March.

## Pricing experiment

Luis proposed testing a lower annual price for the Plus plan in two markets. The group decided to run the experiment in Spain and Brazil only, for six weeks starting 1 April. Priya will define the success metric before the experiment starts.

## Onboarding redesign

Ana showed the new onboarding flow, which cuts the sign-up steps from seven to four. Everyone liked the direction, but the checklist screen needs another round of user testing. Usability sessions with eight customers are planned for the week of 24 March.

## Decisions

- Mobile launch moves to 20 May 2025.
- The pricing experiment runs in Spain and Brazil only.
- The old web editor will be switched off on 30 June 2025.

## Action items

- Tom: finish the offline sync fix by 28 March.
- Priya: write the success metric for the pricing experiment by 26 March.
- Ana: run the onboarding usability sessions and share the findings by 4 April.
- Luis: prepare the launch announcement and press kit by 12 May.

The next planning meeting is on 9 April 2025 at 14:00 in the Harbour room.
`,
  },
  {
    id: 'api',
    title: 'Parcelly Shipping API Reference',
    format: 'markdown',
    text: `# Parcelly Shipping API Reference

The Parcelly API lets you create shipments, buy labels and track parcels. It is a REST API that accepts and returns JSON. The base URL is https://api.parcelly.example/v2.

## Authentication

Every request needs an API key in the Authorization header, in the form \`Authorization: Bearer <key>\`. Create keys in the dashboard under Developers > API keys. Test keys start with pk_test_ and never create real shipments; live keys start with pk_live_.

## Rate limits

Each API key may make 100 requests per minute. When you go over the limit the API answers with status 429 and a Retry-After header that says how many seconds to wait. Bulk endpoints count as one request per 50 items.

## Pagination

List endpoints return at most 100 items per page. Pass the \`cursor\` value from the previous response to get the next page. A response without a cursor is the last page.

## Creating a shipment

Send a POST request to /shipments with the sender address, the recipient address and the parcel dimensions in centimetres and weight in grams. The response contains the shipment id and the available rates. Buy a label by sending a POST request to /shipments/{id}/label with the chosen rate id. Labels can be voided within 24 hours for a full refund.

## Webhooks

Register a webhook URL in the dashboard to receive tracking events such as in_transit, out_for_delivery and delivered. Each webhook request is signed with an HMAC-SHA256 signature in the Parcelly-Signature header; verify it with your webhook secret. Failed deliveries are retried with exponential backoff for up to 3 days.

## Errors

Errors use standard HTTP status codes and a JSON body with a code and a message. A 400 means the request was invalid, for example a missing postal code. A 401 means the API key is missing or wrong. A 404 means the shipment does not exist. A 422 address_unverifiable means the recipient address could not be verified; check the street and postal code.

## Versioning

Version 1 of the API will be retired on 31 December 2025. Breaking changes only ever come with a new major version.
`,
  },
  {
    id: 'syllabus',
    title: 'Data Journalism 201 — Course Syllabus',
    format: 'markdown',
    text: `# Data Journalism 201 — Course Syllabus

Spring semester 2026. Instructor: Dr. Helen Marsh. Lectures on Tuesdays and Thursdays, 10:30 to 12:00, room B214. Office hours on Wednesdays from 14:00 to 16:00.

## What you will learn

This course teaches how to find, clean, analyse and visualise data for news stories. We work with public datasets, spreadsheets and a little Python. No programming experience is required.

## Grading

Weekly exercises count for 30 percent of the final grade, the midterm data story for 30 percent and the final project for 40 percent. Late work loses 10 percent per day, unless you have an extension approved before the deadline.

## Key dates

- 13 January 2026: first lecture.
- 6 February 2026: deadline to choose a dataset for the midterm story.
- 3 March 2026: midterm data story due by 23:59.
- 17 to 21 March 2026: spring break, no classes.
- 10 April 2026: final project proposal due.
- 12 May 2026: final project due by 23:59.
- 19 May 2026: final presentations.

## Materials

The main textbook is The Data Journalism Handbook, which is free online. You need a laptop with a spreadsheet program; we install Python together in week three.

## Academic integrity

You may discuss exercises with classmates, but the work you hand in must be your own. Cite every dataset and every source. Using AI tools to write your text must be disclosed in a note at the end of the assignment.
`,
  },
  {
    id: 'pricing',
    title: 'Brightdesk Pricing and Plans 2025',
    format: 'markdown',
    text: `# Brightdesk Pricing and Plans 2025

Brightdesk is a help desk for small support teams. All plans include unlimited tickets, email and chat channels, and a knowledge base.

## Plans

The Starter plan costs 15 dollars per agent per month and includes up to three agents. The Growth plan costs 39 dollars per agent per month and adds automations, SLA policies and reporting. The Enterprise plan starts at 79 dollars per agent per month and adds single sign-on, audit logs and a dedicated success manager.

## Billing

Prices are shown for annual billing. Monthly billing costs 20 percent more. You can switch from monthly to annual billing at any time, and the unused part of the month is credited. Taxes are added where required.

## Free trial

Every new account starts with a 14-day free trial of the Growth plan, with no credit card required. At the end of the trial the account moves to the Starter plan unless you choose another plan.

## Add-ons

Extra AI reply suggestions cost 10 dollars per agent per month. Additional phone numbers for the voice channel cost 5 dollars per number per month plus call charges.

## Discounts

Nonprofits and schools get 50 percent off any plan. Startups younger than two years can apply for a year of the Growth plan at the Starter price.

## Cancelling

You can cancel at any time from the billing page. Annual plans cancelled within the first 30 days are refunded in full; after that, the plan stays active until the end of the paid year and is not refunded.
`,
  },
  {
    id: 'insurance',
    title: 'HomeShield Contents Insurance — Policy Summary',
    format: 'text',
    text: `HomeShield Contents Insurance — Policy Summary

This summary describes the main features of your HomeShield contents insurance. The full policy wording is the binding document.

What is covered
Your belongings inside your home are covered against fire, smoke, theft after forced entry, storm, water escaping from pipes or appliances, and vandalism. Belongings you take outside the home, such as a bicycle or a laptop, are covered worldwide for up to 2,500 euros per item if you chose the Away From Home extension.

What is not covered
Damage caused by wear and tear, moths or vermin is not covered. Theft without signs of forced entry is excluded unless the thief used violence or threats. Flooding from rivers or the sea is only covered in areas outside the official flood zones. Cash is covered up to 500 euros.

Excess
You pay the first 250 euros of every claim. The excess for water damage is 500 euros.

Making a claim
Report a claim as soon as possible, and no later than 30 days after the damage or loss, through the HomeShield app or by phone. Thefts must be reported to the police within 48 hours, and we need the police report number. Keep damaged items until our assessor has seen them, and keep receipts or photos that prove ownership.

Payment of claims
We pay the cost of replacing an item with a new one of similar quality for items younger than two years. For older items we deduct an amount for wear. Approved claims are paid within 10 working days.

Premium and cancellation
The annual premium is paid monthly or yearly; paying yearly saves 5 percent. You may cancel within 14 days of the start of the policy and receive a full refund of the premium. After that, you can cancel at the end of any month with one month's notice.

Changes you must tell us about
Tell us within 30 days if you move house, if the value of your belongings rises above the insured sum, or if the home will be unoccupied for more than 60 days in a row.
`,
  },
];
