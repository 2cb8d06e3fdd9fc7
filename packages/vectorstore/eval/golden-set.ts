// Golden set for the retrieval evaluation: short realistic documents on varied topics, questions
// phrased differently from the text, and exact-identifier questions (error codes, part numbers)
// whose answers sit among look-alike identifiers in other documents.

export interface GoldenDocument {
  id: string;
  title: string;
  text: string;
}

export interface GoldenQuestion {
  question: string;
  /** The document that answers it. */
  documentId: string;
  kind: 'paraphrase' | 'identifier';
}

export const documents: GoldenDocument[] = [
  {
    id: 'travel-policy',
    title: 'Business travel policy',
    text: `# Business travel policy

Employees book flights through the company travel portal at least fourteen days before departure. Economy class is the default; premium economy is allowed for flights longer than six hours.

## Hotels
Hotel stays are reimbursed up to 180 euros per night in capital cities and 130 euros elsewhere. Breakfast counts as part of the room rate.

## Per diem
A daily allowance of 45 euros covers meals on travel days. Alcohol is never reimbursed.`,
  },
  {
    id: 'expense-reports',
    title: 'Submitting expense reports',
    text: `# Submitting expense reports

Expense reports are filed in the finance system within thirty days of the expense. Each line needs a scanned receipt; for amounts under 10 euros a short note is enough.

Reports above 2,000 euros need approval from a department head in addition to the direct manager. Reimbursements are paid with the next monthly salary run, which closes on the 20th.`,
  },
  {
    id: 'parental-leave',
    title: 'Parental leave',
    text: `# Parental leave

Every parent is entitled to sixteen weeks of fully paid leave after the birth or adoption of a child. The leave can be split into up to three blocks within the first eighteen months.

Tell HR at least eight weeks before the first block starts. During leave, pension contributions continue and you keep your company laptop and phone.`,
  },
  {
    id: 'vpn-setup',
    title: 'Connecting to the VPN',
    text: `# Connecting to the VPN

Install the WireGuard client from the self-service portal, then import the profile sent to your work email. The profile expires every 90 days; a reminder arrives a week before.

If the tunnel connects but internal sites do not load, switch off other VPN or proxy software and flush the DNS cache. Error VPN-118 means your profile has expired: request a new one in the portal.`,
  },
  {
    id: 'password-rules',
    title: 'Password and MFA rules',
    text: `# Password and multi-factor rules

Passwords must be at least fourteen characters long and must not appear in known breach lists. We no longer force periodic password changes.

Multi-factor authentication is mandatory for email, the VPN and the HR system. Use the authenticator app; text messages are only a fallback. Lost your second factor? The service desk can issue a one-time recovery code after checking your identity by video call.`,
  },
  {
    id: 'printer-errors',
    title: 'Office printer error codes',
    text: `# Office printer error codes (LaserPro M400 series)

E-201: paper jam in tray 2. Open the front door and pull the sheet out slowly.
E-305: toner cartridge not recognized. Remove it, shake gently and reinsert until it clicks.
E-417: fuser unit overheated. Switch the printer off for thirty minutes before printing again.
E-550: network card failure. Call facilities; do not power-cycle repeatedly.`,
  },
  {
    id: 'payment-api-errors',
    title: 'Payments API error reference',
    text: `# Payments API error reference

PAY-4021: the card was declined by the issuing bank. Ask the customer to use another card; do not retry automatically.
PAY-4090: duplicate idempotency key with a different request body. Generate a new key for a new payment.
PAY-5003: the acquirer timed out. Retry with exponential backoff, up to five attempts.
PAY-4290: rate limit exceeded; respect the Retry-After header.`,
  },
  {
    id: 'pump-manual',
    title: 'HX-series circulation pump: maintenance',
    text: `# HX-series circulation pump maintenance

Inspect the impeller every 2,000 operating hours. Replacement impeller part number HX-220B fits models HX-200 to HX-260; the older HX-100 line uses part HX-118A.

The shaft seal kit (part SK-7731) should be replaced whenever the pump shows drips at the housing. Always isolate electrical power and close both valves before opening the pump casing.`,
  },
  {
    id: 'bike-manual',
    title: 'City e-bike owner guide',
    text: `# City e-bike owner guide

Charge the battery fully before the first ride; a full charge takes about four hours. The range is 60 to 90 kilometres depending on the assistance level and terrain.

Brake pads (part BP-4410) wear faster in wet weather; check them monthly. Store the battery indoors in winter at roughly half charge. Tyre pressure should be between 3.5 and 4.5 bar.`,
  },
  {
    id: 'sourdough',
    title: 'Sourdough starter basics',
    text: `# Sourdough starter basics

A starter is a culture of wild yeast and lactic acid bacteria. Feed it once a day with equal weights of flour and water and keep it at room temperature.

It is ready to bake with when it doubles in size within four to six hours of feeding and smells pleasantly sour. A layer of grey liquid on top means it is hungry: pour it off and feed it.`,
  },
  {
    id: 'tomato-growing',
    title: 'Growing tomatoes on a balcony',
    text: `# Growing tomatoes on a balcony

Choose compact bush varieties and pots of at least twenty litres. Tomatoes need six to eight hours of direct sun each day.

Water deeply in the morning and keep the soil evenly moist; irregular watering causes cracked fruit and blossom end rot. Feed with a potassium-rich fertiliser once the first flowers appear.`,
  },
  {
    id: 'coffee-brewing',
    title: 'Brewing filter coffee',
    text: `# Brewing filter coffee

Use sixty grams of coffee per litre of water, ground medium-coarse like sea salt. Water should be just off the boil, between 92 and 96 degrees Celsius.

Bloom the grounds with twice their weight in water for thirty seconds, then pour the rest in slow circles. Total brew time should be around three and a half minutes; bitter coffee usually means the grind is too fine.`,
  },
  {
    id: 'marathon-training',
    title: 'First marathon training plan',
    text: `# First marathon training plan

Plan sixteen to twenty weeks. Build weekly distance by no more than ten percent, and make every fourth week an easier recovery week.

The long run on weekends is the key session; the longest should be about thirty-two kilometres, three weeks before race day. Taper in the last two weeks and practise your race-day fuelling during long runs.`,
  },
  {
    id: 'sleep-hygiene',
    title: 'Sleeping better',
    text: `# Sleeping better

Keep a regular schedule, including weekends. Stop caffeine at least eight hours before bed and keep the bedroom cool, dark and quiet.

Screens an hour before bed make it harder to fall asleep. If you lie awake for more than twenty minutes, get up and do something calm in dim light until you feel sleepy.`,
  },
  {
    id: 'rome-history',
    title: 'The fall of the Western Roman Empire',
    text: `# The fall of the Western Roman Empire

The Western Empire ended in 476 when Odoacer deposed the young emperor Romulus Augustulus. Historians point to many causes: economic strain, reliance on foreign troops, political instability and pressure from migrating peoples.

The Eastern Empire, ruled from Constantinople, continued for almost a thousand more years until the Ottoman conquest of 1453.`,
  },
  {
    id: 'photosynthesis',
    title: 'How photosynthesis works',
    text: `# How photosynthesis works

Plants capture light with chlorophyll in their chloroplasts. In the light-dependent reactions, water is split and oxygen is released as a by-product.

In the Calvin cycle the energy carriers ATP and NADPH are used to fix carbon dioxide into sugars. That is why leaves take in carbon dioxide and give off oxygen during the day.`,
  },
  {
    id: 'volcano-monitoring',
    title: 'Monitoring volcanoes',
    text: `# Monitoring volcanoes

Volcanologists watch for swarms of small earthquakes, ground swelling measured by GPS and satellite radar, and changes in the gases escaping from vents, especially sulphur dioxide.

A rise in these signals suggests magma is moving towards the surface. Alert levels run from green to red, and civil authorities use them to decide on evacuations.`,
  },
  {
    id: 'tenancy-deposit',
    title: 'Getting your rental deposit back',
    text: `# Getting your rental deposit back

The landlord must return the security deposit within six weeks after you move out, minus documented costs for damage beyond normal wear and tear.

Take dated photos of every room at move-in and move-out and keep the handover report. Unpaid utility bills may be held back until the yearly statement is ready.`,
  },
  {
    id: 'gdpr-requests',
    title: 'Handling data subject requests',
    text: `# Handling data subject requests

When a person asks to see the personal data we hold about them, we must answer within one month. The deadline can be extended by two further months for complex requests if we tell them why.

Verify the requester's identity before sending anything. Deletion requests are logged in ticket queue DSR and must also remove the data from backups at the next rotation.`,
  },
  {
    id: 'incident-response',
    title: 'Production incident response',
    text: `# Production incident response

Whoever notices an outage opens an incident in the on-call tool and becomes incident commander until they hand over. Severity SEV1 means customers cannot use a core feature; page the on-call engineer immediately.

Post status updates every thirty minutes. After resolution, write a blameless post-mortem within five working days listing causes and follow-up actions.`,
  },
  {
    id: 'db-backups',
    title: 'Database backup and restore',
    text: `# Database backup and restore

Full backups of the primary Postgres cluster run nightly at 02:00 UTC, with write-ahead logs archived every five minutes, so at most five minutes of data can be lost.

Backups are kept for 35 days in a separate storage account. A restore drill is run every quarter; the last one restored the 400 GB database in 47 minutes.`,
  },
  {
    id: 'k8s-errors',
    title: 'Kubernetes deployment troubleshooting',
    text: `# Kubernetes deployment troubleshooting

CrashLoopBackOff means the container keeps exiting after start: read the logs of the previous run with kubectl logs --previous.

ImagePullBackOff means the image cannot be fetched: check the tag and the registry credentials. OOMKilled means the container exceeded its memory limit; raise the limit or fix the leak. Exit code 137 is the same out-of-memory kill seen from the process side.`,
  },
  {
    id: 'customer-refunds',
    title: 'Customer refund policy',
    text: `# Customer refund policy

Customers can cancel within fourteen days of purchase for a full refund, no questions asked. After that, annual plans are refunded pro rata for unused months minus a 10 percent fee.

Refunds go back to the original payment method and take five to ten business days to appear. Order numbers look like ORD-2024-58213 and must be quoted in every refund ticket.`,
  },
  {
    id: 'onboarding-laptop',
    title: 'New starter equipment',
    text: `# New starter equipment

New employees receive a laptop, a headset and a monitor on their first day. Developers may choose a 32 GB machine instead of the standard 16 GB model.

Equipment stays company property. When you leave, return everything to the IT desk; missing items are deducted from the final salary. Asset tags such as IT-00731 are on the underside of each device.`,
  },
];

export const questions: GoldenQuestion[] = [
  // Paraphrased: the answer is in the document, in other words.
  { question: 'How much can I spend on a hotel room per night when visiting a capital?', documentId: 'travel-policy', kind: 'paraphrase' },
  { question: 'Am I allowed a better seat on a long-haul flight?', documentId: 'travel-policy', kind: 'paraphrase' },
  { question: 'When will I get my money back for costs I paid out of pocket?', documentId: 'expense-reports', kind: 'paraphrase' },
  { question: 'Who has to sign off on a large claim for business costs?', documentId: 'expense-reports', kind: 'paraphrase' },
  { question: 'How many months of paid time off do new mothers and fathers get?', documentId: 'parental-leave', kind: 'paraphrase' },
  { question: 'The secure tunnel is up but intranet pages will not open, what should I try?', documentId: 'vpn-setup', kind: 'paraphrase' },
  { question: 'How long does a remote access profile stay valid?', documentId: 'vpn-setup', kind: 'paraphrase' },
  { question: 'What is the minimum length of a login secret?', documentId: 'password-rules', kind: 'paraphrase' },
  { question: 'I lost the phone I use for two-step login, how do I get back in?', documentId: 'password-rules', kind: 'paraphrase' },
  { question: 'The laser printer says the toner is not detected', documentId: 'printer-errors', kind: 'paraphrase' },
  { question: 'What should we do when the bank rejects a shopper’s card?', documentId: 'payment-api-errors', kind: 'paraphrase' },
  { question: 'How often should the rotor of the circulator be checked?', documentId: 'pump-manual', kind: 'paraphrase' },
  { question: 'How far can I ride on one battery charge?', documentId: 'bike-manual', kind: 'paraphrase' },
  { question: 'What inflation should the bicycle wheels have?', documentId: 'bike-manual', kind: 'paraphrase' },
  { question: 'How do I know my natural leaven is active enough to make bread?', documentId: 'sourdough', kind: 'paraphrase' },
  { question: 'Why do my homegrown tomatoes split open?', documentId: 'tomato-growing', kind: 'paraphrase' },
  { question: 'My pour-over tastes harsh, what am I doing wrong?', documentId: 'coffee-brewing', kind: 'paraphrase' },
  { question: 'How long should the biggest weekend run be before a 42 km race?', documentId: 'marathon-training', kind: 'paraphrase' },
  { question: 'What can I do when I cannot fall asleep at night?', documentId: 'sleep-hygiene', kind: 'paraphrase' },
  { question: 'When did the last emperor in the west lose his throne?', documentId: 'rome-history', kind: 'paraphrase' },
  { question: 'Where does the oxygen that plants give off come from?', documentId: 'photosynthesis', kind: 'paraphrase' },
  { question: 'What signs tell scientists an eruption may be coming?', documentId: 'volcano-monitoring', kind: 'paraphrase' },
  { question: 'How long can my landlord keep the money I paid when I signed the lease?', documentId: 'tenancy-deposit', kind: 'paraphrase' },
  { question: 'How quickly must we reply when someone asks for a copy of their personal information?', documentId: 'gdpr-requests', kind: 'paraphrase' },
  { question: 'Who leads the response when the site goes down?', documentId: 'incident-response', kind: 'paraphrase' },
  { question: 'How much data could we lose if the main database server dies?', documentId: 'db-backups', kind: 'paraphrase' },
  { question: 'My pod keeps restarting right after it launches', documentId: 'k8s-errors', kind: 'paraphrase' },
  { question: 'Can a client get their money back after buying a yearly subscription?', documentId: 'customer-refunds', kind: 'paraphrase' },
  { question: 'What computer will I be given when I join?', documentId: 'onboarding-laptop', kind: 'paraphrase' },
  { question: 'How long are database snapshots retained?', documentId: 'db-backups', kind: 'paraphrase' },
  // Exact identifiers: look-alike codes live in other documents.
  { question: 'What does E-417 mean?', documentId: 'printer-errors', kind: 'identifier' },
  { question: 'PAY-4090', documentId: 'payment-api-errors', kind: 'identifier' },
  { question: 'Which models does HX-220B fit?', documentId: 'pump-manual', kind: 'identifier' },
  { question: 'where do I order SK-7731', documentId: 'pump-manual', kind: 'identifier' },
  { question: 'BP-4410 replacement interval', documentId: 'bike-manual', kind: 'identifier' },
  { question: 'I got VPN-118', documentId: 'vpn-setup', kind: 'identifier' },
  { question: 'Status of ORD-2024-58213', documentId: 'customer-refunds', kind: 'identifier' },
  { question: 'Who owns asset IT-00731?', documentId: 'onboarding-laptop', kind: 'identifier' },
  { question: 'exit code 137', documentId: 'k8s-errors', kind: 'identifier' },
];
