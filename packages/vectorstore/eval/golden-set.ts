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
  kind: 'paraphrase' | 'identifier' | 'keyword';
}

/** A query none of the documents answers: retrieval should return nothing for it. */
export interface OffTopicQuery {
  query: string;
  family: 'general-knowledge' | 'chit-chat' | 'unrelated-how-to' | 'unrelated-tech' | 'other-language' | 'nonsense' | 'keyboard-noise' | 'entertainment' | 'near-domain';
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
  {
    id: 'employee-handbook',
    title: 'Employee handbook',
    text: `# Employee handbook

Welcome to Northwind Logistics. This handbook explains how we work together. It applies to every employee, whether you work in the warehouse, in the office or from home.

## Working hours

The standard working week is 38 hours. Core hours in the office are from ten in the morning to three in the afternoon; outside them you plan your day with your team. Overtime must be agreed with your manager in advance and is compensated with time off within three months.

## Holidays

Full-time employees have 28 days of annual leave plus public holidays. Up to five unused days can be carried over to the next year and must be taken by the end of March. Request leave in the HR portal at least two weeks ahead for periods longer than three days.

## Sick leave

If you are ill, tell your manager before nine on the first day. From the fourth day of illness we need a doctor's certificate. Sick days do not reduce your annual leave.

## Working from home

Office roles may work from home up to three days a week. The company provides a laptop, a second screen and a chair allowance of 300 euros once. You are responsible for a quiet workplace and a stable internet connection.

## Company car and bicycle leasing

Field sales staff receive a company car. Everyone else can lease a bicycle through the payroll scheme; the monthly rate is deducted from gross salary and the bicycle becomes yours after three years for a small fee.

## Code of conduct

We treat colleagues, customers and suppliers with respect. Gifts from suppliers worth more than 50 euros must be declared to compliance. Report any concern about fraud, harassment or safety to the confidential ethics line; reports can be anonymous and retaliation is never tolerated.`,
  },
  {
    id: 'smart-thermostat-faq',
    title: 'Smart thermostat FAQ',
    text: `# Smart thermostat FAQ

## Installation

Does it work with my heating? The thermostat supports gas and oil boilers, heat pumps and district heating with a two-wire or three-wire connection. Electric underfloor heating needs the separate relay module.

How long does installation take? Most people finish in thirty minutes. Switch off the heating at the fuse box first, photograph the old wiring, then follow the app's step-by-step guide.

## Daily use

Can it learn my schedule? Yes. During the first week it notes when you change the temperature and proposes a schedule that you can edit in the app.

What happens when I leave home? With geofencing switched on, the thermostat lowers the temperature by three degrees once every phone of the household has left a radius of 500 metres, and warms up again when the first one comes back.

## Troubleshooting

The display is blank. Check the two AA batteries; the thermostat warns you two weeks before they run out. If the display stays blank with new batteries, hold the dial for ten seconds to restart it.

It shows the wrong room temperature. Do not mount it above a radiator, in direct sunlight or next to a door to the outside. You can add a correction of up to two degrees in the settings.

## Privacy

Temperature data is stored in the EU and deleted after 24 months. You can export or delete it at any time in the account settings.`,
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
  // The longer documents.
  { question: 'How many days of annual leave do full-time staff get?', documentId: 'employee-handbook', kind: 'paraphrase' },
  { question: 'When do I need a note from the doctor when I am ill?', documentId: 'employee-handbook', kind: 'paraphrase' },
  { question: 'Can I get a bike through the company?', documentId: 'employee-handbook', kind: 'paraphrase' },
  { question: 'A supplier sent me an expensive present, what do I do?', documentId: 'employee-handbook', kind: 'paraphrase' },
  { question: 'How many days a week may I work remotely?', documentId: 'employee-handbook', kind: 'paraphrase' },
  { question: 'Will the heating turn down by itself when nobody is home?', documentId: 'smart-thermostat-faq', kind: 'paraphrase' },
  { question: 'The screen of my thermostat shows nothing', documentId: 'smart-thermostat-faq', kind: 'paraphrase' },
  { question: 'Is the thermostat compatible with a heat pump?', documentId: 'smart-thermostat-faq', kind: 'paraphrase' },
  { question: 'How long is my temperature history kept?', documentId: 'smart-thermostat-faq', kind: 'paraphrase' },
  // Short keyword queries, the way people type into a search box.
  { question: 'hotel allowance', documentId: 'travel-policy', kind: 'keyword' },
  { question: 'receipts expense report deadline', documentId: 'expense-reports', kind: 'keyword' },
  { question: 'parental leave weeks', documentId: 'parental-leave', kind: 'keyword' },
  { question: 'wireguard profile expired', documentId: 'vpn-setup', kind: 'keyword' },
  { question: 'MFA recovery code', documentId: 'password-rules', kind: 'keyword' },
  { question: 'paper jam', documentId: 'printer-errors', kind: 'keyword' },
  { question: 'impeller replacement', documentId: 'pump-manual', kind: 'keyword' },
  { question: 'e-bike battery winter storage', documentId: 'bike-manual', kind: 'keyword' },
  { question: 'sourdough starter feeding', documentId: 'sourdough', kind: 'keyword' },
  { question: 'tomato blossom end rot', documentId: 'tomato-growing', kind: 'keyword' },
  { question: 'coffee grind size', documentId: 'coffee-brewing', kind: 'keyword' },
  { question: 'marathon taper', documentId: 'marathon-training', kind: 'keyword' },
  { question: 'caffeine before bed', documentId: 'sleep-hygiene', kind: 'keyword' },
  { question: 'Romulus Augustulus', documentId: 'rome-history', kind: 'keyword' },
  { question: 'Calvin cycle', documentId: 'photosynthesis', kind: 'keyword' },
  { question: 'volcano alert levels', documentId: 'volcano-monitoring', kind: 'keyword' },
  { question: 'security deposit return', documentId: 'tenancy-deposit', kind: 'keyword' },
  { question: 'post-mortem deadline', documentId: 'incident-response', kind: 'keyword' },
  { question: 'restore drill', documentId: 'db-backups', kind: 'keyword' },
  { question: 'ImagePullBackOff', documentId: 'k8s-errors', kind: 'keyword' },
  { question: 'pro rata refund annual plan', documentId: 'customer-refunds', kind: 'keyword' },
  { question: 'overtime compensation', documentId: 'employee-handbook', kind: 'keyword' },
  { question: 'geofencing', documentId: 'smart-thermostat-faq', kind: 'keyword' },
];

/**
 * Queries that none of the documents answers, of every kind people send: world knowledge, small
 * talk, how-tos and tech from elsewhere, other languages, nonsense and key mashing, and questions
 * that sound like the corpus (workplace, devices) but that no document answers.
 */
export const offTopicQueries: OffTopicQuery[] = [
  { query: 'What is the capital of France?', family: 'general-knowledge' },
  { query: 'Who wrote Pride and Prejudice?', family: 'general-knowledge' },
  { query: 'How far away is the Moon from the Earth?', family: 'general-knowledge' },
  { query: 'What is the tallest mountain in Africa?', family: 'general-knowledge' },
  { query: 'When did the Second World War end?', family: 'general-knowledge' },
  { query: 'How many people live in Brazil?', family: 'general-knowledge' },
  { query: 'Who painted the ceiling of the Sistine Chapel?', family: 'general-knowledge' },
  { query: 'What is the chemical symbol for gold?', family: 'general-knowledge' },
  { query: 'Which planet has the most moons?', family: 'general-knowledge' },
  { query: 'What currency do they use in Switzerland?', family: 'general-knowledge' },
  { query: 'hi', family: 'chit-chat' },
  { query: 'Hello, how are you doing today?', family: 'chit-chat' },
  { query: 'thanks, that is all for now', family: 'chit-chat' },
  { query: 'Tell me a joke about penguins', family: 'chit-chat' },
  { query: 'What is your favourite colour?', family: 'chit-chat' },
  { query: 'good morning!', family: 'chit-chat' },
  { query: 'How do I get red wine out of a carpet?', family: 'unrelated-how-to' },
  { query: 'What is a good recipe for vegetable lasagne?', family: 'unrelated-how-to' },
  { query: 'How do I teach my puppy to sit?', family: 'unrelated-how-to' },
  { query: 'How do I tie a bow tie?', family: 'unrelated-how-to' },
  { query: 'What should I pack for a week of skiing?', family: 'unrelated-how-to' },
  { query: 'How can I learn to play the guitar as an adult?', family: 'unrelated-how-to' },
  { query: 'How do I replace a broken car windscreen wiper?', family: 'unrelated-how-to' },
  { query: 'How do I reverse a linked list in Python?', family: 'unrelated-tech' },
  { query: 'What does git rebase do?', family: 'unrelated-tech' },
  { query: 'Explain the CSS box model', family: 'unrelated-tech' },
  { query: 'What is a monad in Haskell?', family: 'unrelated-tech' },
  { query: 'difference between TCP and UDP', family: 'unrelated-tech' },
  { query: 'Quelle est la meilleure saison pour visiter Lisbonne ?', family: 'other-language' },
  { query: '¿Cómo se prepara una paella valenciana?', family: 'other-language' },
  { query: 'Wer hat das Telefon erfunden?', family: 'other-language' },
  { query: '東京の人口は何人ですか', family: 'other-language' },
  { query: 'blorp zizzle frumious wug', family: 'nonsense' },
  { query: 'colorless green ideas sleep furiously', family: 'nonsense' },
  { query: 'the purple elephant sings in binary under the stairs', family: 'nonsense' },
  { query: 'lorem ipsum dolor sit amet consectetur', family: 'nonsense' },
  { query: 'marmalade snorkel quantum harmonica', family: 'nonsense' },
  { query: 'flibbertigibbet wobble noodle', family: 'nonsense' },
  { query: 'asdfghjkl', family: 'keyboard-noise' },
  { query: 'qwertyuiop zxcvbnm', family: 'keyboard-noise' },
  { query: '???', family: 'keyboard-noise' },
  { query: 'jjjjjjjj kkkk', family: 'keyboard-noise' },
  { query: '🙂🙂🙂', family: 'keyboard-noise' },
  { query: 'Who won the football World Cup in 2014?', family: 'entertainment' },
  { query: 'Recommend a good science fiction novel', family: 'entertainment' },
  { query: 'What are the rules of cricket?', family: 'entertainment' },
  { query: 'Who played the lead in the film Titanic?', family: 'entertainment' },
  { query: 'What is the dress code at the office?', family: 'near-domain' },
  { query: 'When is the company summer party?', family: 'near-domain' },
  { query: 'How do I book a meeting room?', family: 'near-domain' },
  { query: 'What is the guest wifi password?', family: 'near-domain' },
  { query: 'Does my smart speaker support Bluetooth?', family: 'near-domain' },
  { query: 'How do I update the firmware of my router?', family: 'near-domain' },
  { query: 'Where is the nearest fire exit?', family: 'near-domain' },
];
