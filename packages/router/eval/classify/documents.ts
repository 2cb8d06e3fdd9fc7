// Documents of the kinds people upload, generated from templates with variation (company,
// people, product, section order, which sections appear). Ordinary kinds carry the things that
// used to over-label a whole document (a published contact line, a media contact, placeholder keys,
// AWS's documented example key, names of colleagues) and are expected NOT confidential; the
// confidential kinds hold personal data, credentials, health or pay records, or undisclosed deals,
// sometimes only in one section, sometimes in every row.
import type { Sensitivity } from '../../src/types';
import { COMPANIES, companyDomain, CITIES, dateIn, person, postalAddress, PRODUCTS, type Person } from './pools';
import type { Random } from './random';
import * as values from './values';

export const ORDINARY_DOCUMENT_KINDS = ['handbook', 'faq', 'press_release', 'manual', 'onboarding_guide', 'meeting_notes', 'blog_post', 'product_spec', 'privacy_policy', 'release_notes'] as const;
export const CONFIDENTIAL_DOCUMENT_KINDS = ['hr_record', 'customer_export', 'env_dump', 'board_memo', 'medical_note', 'payroll', 'nda_contract', 'cv'] as const;
export type DocumentKind = (typeof ORDINARY_DOCUMENT_KINDS)[number] | (typeof CONFIDENTIAL_DOCUMENT_KINDS)[number];

export interface GeneratedDocument {
  kind: DocumentKind;
  title: string;
  /** How the worker's parser would hand it over (markdown for .md/.docx/.html, text for .txt/.csv/.env). */
  format: 'markdown' | 'text';
  text: string;
  /** Ordinary kinds: public, or internal when the document carries an internal marking. */
  expected: Sensitivity;
}

interface Context {
  random: Random;
  company: string;
  domain: string;
  product: string;
  city: string;
  year: number;
  people: Person[];
}

function context(random: Random): Context {
  const company = random.pick(COMPANIES);
  return {
    random,
    company,
    domain: companyDomain(company, random.pick(['com', 'io', 'co.uk', 'de'])),
    product: random.pick(PRODUCTS),
    city: random.pick(CITIES),
    year: random.int(2024, 2026),
    people: Array.from({ length: 8 }, () => person(random)),
  };
}

const at = (c: Context, i: number) => c.people[i % c.people.length] as Person;

/** Picks `min..max` sections from a bank, keeping the bank's order (a document reads top-down). */
function someSections(random: Random, bank: ((c: Context) => string)[], c: Context, min: number, max: number): string[] {
  const count = Math.min(bank.length, random.int(min, max));
  const chosen = new Set(random.sample(bank.map((_, i) => i), count));
  return bank.filter((_, i) => chosen.has(i)).map((section) => section(c));
}

// ---------------------------------------------------------------------------------------------
// Ordinary documents

const HANDBOOK_SECTIONS: ((c: Context) => string)[] = [
  () => `## Working hours\n\nOur core hours are 10:00 to 15:00 in your local time zone. Outside those hours you plan your own day, as long as your team knows when to reach you. Please keep your calendar up to date and block focus time when you need it. Overtime is the exception, not the rule: if you regularly work more than 45 hours a week, talk to your manager so we can fix the workload rather than the symptoms.`,
  (c) => `## Holidays and leave\n\nEveryone gets ${c.random.int(25, 30)} days of paid holiday per calendar year plus public holidays of the country you work in. Request leave in the HR portal at least two weeks ahead for anything longer than three days. Parental leave, bereavement leave and leave for caring responsibilities are described in the separate leave policy; the short version is that family comes first and we will work the rest out together.`,
  () => `## Sick days\n\nIf you are ill, tell your manager before your first meeting of the day and rest. You do not need a doctor's note for the first three days. We do not ask why you are ill, and nobody needs to share medical details to take a sick day. Longer absences are handled confidentially by the people team.`,
  (c) => `## Expenses\n\nSubmit receipts within 30 days through the expenses tool. Travel is booked in economy class for flights under six hours; trains are preferred for journeys under four hours. Meals while travelling are covered up to ${c.random.int(40, 70)} ${c.random.pick(['EUR', 'USD', 'GBP'])} per day. Anything unusual should be approved by your manager before you spend the money.`,
  () => `## Equipment\n\nYou will receive a laptop, a monitor and a headset in your first week. Laptops are encrypted and managed centrally; please do not install software from unknown sources. Lost or stolen equipment must be reported to the IT service desk the same day so we can lock the device remotely.`,
  (c) => `## Security basics\n\nUse the company password manager for every account and turn on two-factor authentication wherever it is offered. Never share your password with anyone, including IT: we will never ask for it. Phishing e-mails often pretend to come from ${c.company} leadership; if a message asks for money, gift cards or credentials, report it with the "Report phishing" button.`,
  (c) => `## Remote work\n\nYou may work from anywhere in the country of your employment contract. Working from abroad for up to ${c.random.int(15, 30)} days per year is possible after approval, because of tax and insurance rules. We reimburse a desk chair and a monitor for your home office once every three years.`,
  () => `## Code of conduct\n\nWe treat each other with respect. Harassment, discrimination and retaliation are not tolerated. If you experience or witness behaviour that breaks this code, speak to your manager, the people team or the anonymous ethics line. Every report is investigated, and nobody will be disadvantaged for raising a concern in good faith.`,
  (c) => `## Benefits\n\nAll employees are covered by the company health plan from their first day. We match pension contributions up to ${c.random.int(3, 8)}% of base pay, offer a yearly learning budget of ${c.random.int(800, 2500)} and a public transport pass in ${c.city}. Details differ by country and are listed in the benefits portal.`,
  () => `## Learning and growth\n\nEvery team member has a development conversation with their manager twice a year. We encourage internal moves: after twelve months in a role you can apply for any open position. Conference tickets, books and online courses are paid from your learning budget without further approval.`,
];

function handbook(random: Random): GeneratedDocument {
  const c = context(random);
  const internal = random.chance(0.3);
  const phone = random.pick(['+1 415 555 0100', '+44 20 7946 0000', '+49 30 1234 5600', '+1 (212) 555-0188']);
  const contact = random.pick([
    `Questions about anything in this handbook? Email hr@${c.domain} or call ${phone}.`,
    `If something is unclear, write to people@${c.domain} or call the HR hotline on ${phone} (Monday to Friday, 9:00–17:00).`,
    `The people team is happy to help: hr@${c.domain}, ${phone}.`,
  ]);
  const text = [
    `# ${c.company} Employee Handbook ${c.year}`,
    internal ? '*Internal use only.*' : '',
    `Welcome to ${c.company}! This handbook explains how we work, what you can expect from us and what we expect from you. It applies to all employees in every office, from ${c.city} to our remote colleagues. Policies change as we grow; the current version always lives on the intranet.`,
    ...someSections(random, HANDBOOK_SECTIONS, c, 6, 9),
    `## Contact\n\n${contact}`,
  ].filter(Boolean);
  return { kind: 'handbook', title: `${c.company} Employee Handbook`, format: 'markdown', text: text.join('\n\n'), expected: internal ? 'internal' : 'public' };
}

const FAQ_ENTRIES: ((c: Context) => string)[] = [
  () => `**How do I reset my password?**\nClick "Forgot password" on the sign-in page and follow the link we send you. The link is valid for 30 minutes. For security reasons our support team cannot see or set your password.`,
  () => `**Which payment methods do you accept?**\nWe accept all major credit cards, SEPA direct debit and PayPal. Card details are processed by our payment provider and never stored on our servers.`,
  () => `**Can I change my plan later?**\nYes. Upgrades take effect immediately and are charged pro rata; downgrades apply from the next billing period.`,
  () => `**Where is my data stored?**\nAll customer data is stored in data centres in the European Union and encrypted at rest. You can export or delete your data at any time from the account settings.`,
  () => `**How do I cancel?**\nGo to Settings → Billing → Cancel subscription. You keep access until the end of the paid period and we do not charge cancellation fees.`,
  (c) => `**Do you offer discounts for non-profits?**\nRegistered charities and schools get ${c.random.int(20, 50)}% off every plan. Send proof of status to our sales team and we will apply the discount to your account.`,
  (c) => `**How long does shipping take?**\nOrders placed before 14:00 ship the same day. Delivery takes 1–3 working days within the country and 3–7 working days to the rest of Europe. You receive a tracking number by e-mail once the parcel leaves our warehouse in ${c.city}.`,
  (c) => `**Is ${c.product} GDPR compliant?**\nYes. We act as a processor for the data you upload, sign a data processing agreement with every business customer and list all sub-processors on our trust page.`,
  () => `**Can several people use one account?**\nEach person needs their own seat so that we can keep an audit trail. Admins can add and remove seats at any time.`,
  () => `**What happens if a payment fails?**\nWe retry three times over seven days and notify the account owner each time. Your workspace stays available during that period.`,
  (c) => `**Does ${c.product} work offline?**\nThe desktop app keeps the last 30 days of projects available offline and syncs your changes when you are back online.`,
  (c) => `**Can I import data from another tool?**\nYes. ${c.product} imports CSV and Excel files as well as exports from the most common competitors. Large imports run in the background; you get a notification when they are done, together with a report of rows that could not be read.`,
  () => `**Do you have an API?**\nEvery plan includes our REST API. Create an API key under Settings → Developer; keys can be limited to read-only access and revoked at any time. The documentation lists all endpoints, rate limits and example requests.`,
  () => `**Which browsers are supported?**\nThe two latest versions of Chrome, Edge, Firefox and Safari. Older browsers may work but are not tested, and some features such as drag-and-drop uploads may be missing.`,
  () => `**How do I get an invoice with our VAT number?**\nAdd your company name, address and VAT number under Settings → Billing. All future invoices will show them; past invoices can be regenerated from the same page.`,
  () => `**Is there a mobile app?**\nYes, for iOS and Android. The apps support everything except administration, which remains in the web version.`,
];

function faq(random: Random): GeneratedDocument {
  const c = context(random);
  const hotline = `${random.pick(['0800', '1-800', '+44 800'])} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
  const text = [
    `# ${c.product} — Frequently asked questions`,
    `This page answers the questions our customers ask most often about ${c.product} by ${c.company}. If your question is not here, our support team is glad to help.`,
    ...someSections(random, FAQ_ENTRIES, c, 10, 14),
    `**How do I contact support?**\nWrite to support@${c.domain} or call our free hotline ${hotline}. We answer within one working day, usually much faster.`,
  ];
  return { kind: 'faq', title: `${c.product} FAQ`, format: 'markdown', text: text.join('\n\n'), expected: 'public' };
}

function pressRelease(random: Random): GeneratedDocument {
  const c = context(random);
  const ceo = at(c, 0);
  const media = at(c, 1);
  const customers = random.int(200, 9000);
  const paragraphs = [
    `# ${c.company} launches ${c.product} ${random.int(2, 5)}.0, bringing real-time planning to mid-sized manufacturers`,
    `**${c.city}, ${dateIn(random, c.year, c.year)}** — ${c.company} today announced the general availability of ${c.product} ${random.int(2, 5)}.0, the newest version of its planning platform used by more than ${customers} companies worldwide. The release adds live capacity planning, a redesigned scheduling board and an open API for ERP integrations.`,
    `"Our customers told us that planning still happens in spreadsheets the night before a shift," said ${ceo.full}, chief executive officer of ${c.company}. "With this release, the plan updates itself when a machine stops or an order changes, and everyone on the floor sees the same picture."`,
    `Early adopters report fewer rush orders and shorter lead times. In a pilot with ${random.pick(COMPANIES)}, on-time delivery rose from ${random.int(70, 85)}% to ${random.int(88, 97)}% within three months, while overtime fell by a third.`,
    random.chance(0.6)
      ? `${c.product} ${random.int(2, 5)}.0 is available today for all customers at no additional cost. New customers can start a 30-day trial on the ${c.company} website. Pricing starts at ${random.int(15, 60)} EUR per user per month.`
      : `The new version will be rolled out to all existing customers over the next four weeks. A public webinar on ${dateIn(random, c.year, c.year)} walks through the new features and answers questions live.`,
    `Key features of the release:\n\n- Live capacity view that updates when machines or shifts change\n- Drag-and-drop scheduling board with conflict warnings\n- Open REST API and ready-made connectors for the most common ERP systems\n- Role-based dashboards for planners, shift leads and management`,
    `"We replaced three spreadsheets and a whiteboard with one screen," said ${at(c, 2).full}, head of operations at ${random.pick(COMPANIES)}, one of the first customers to use the new version in production. "Our planners now spend their mornings solving problems instead of copying numbers."`,
    `The release also introduces a partner programme for system integrators. Partners get training, a sandbox environment and co-marketing support. ${random.int(8, 30)} partners in Europe and North America have already joined.`,
    `### About ${c.company}\n\n${c.company} builds software that helps manufacturers plan, produce and deliver on time. Founded in ${random.int(2005, 2019)} and headquartered in ${c.city}, the company employs ${random.int(80, 900)} people in ${random.int(3, 12)} countries.`,
    `### Forward-looking statements\n\nThis press release contains forward-looking statements about the expected benefits and availability of ${c.product}. Such statements are based on current expectations and are subject to risks and uncertainties that could cause actual results to differ materially. ${c.company} undertakes no obligation to update any forward-looking statement after the date of this release, except as required by law.`,
    `### Media contact\n\n${media.full}\nHead of Communications, ${c.company}\npress@${c.domain}\n${random.pick(['+1 212 555 0143', '+49 89 4520 1180', '+44 20 3000 1234', '+33 1 70 36 00 00'])}`,
  ];
  return { kind: 'press_release', title: `${c.company} launches ${c.product}`, format: 'markdown', text: paragraphs.join('\n\n'), expected: 'public' };
}

const MANUAL_SECTIONS: ((c: Context) => string)[] = [
  (c) => `## Installation\n\nDownload the latest release for your platform and unpack it into a directory of your choice. ${c.product} needs Node.js 20 or newer and about 200 MB of disk space. Run \`${c.product.toLowerCase()} init\` to create a configuration file in the current directory.`,
  (c) => `## Configuration\n\nThe configuration lives in \`config.yaml\`. Replace the placeholders with your own values before the first start:\n\n\`\`\`yaml\nserver:\n  port: 8080\n  public_url: https://${c.product.toLowerCase()}.example.com\ndatabase:\n  url: postgres://USER:PASSWORD@HOST:5432/${c.product.toLowerCase()}\nproviders:\n  openai:\n    api_key: sk-your-key-here\n  smtp:\n    user: notifications@example.com\n    password: <your-smtp-password>\n\`\`\``,
  (c) => `## Environment variables\n\nEvery setting can also be given as an environment variable, which is the recommended way in containers:\n\n\`\`\`bash\nexport ${c.product.toUpperCase()}_API_KEY=YOUR_API_KEY\nexport OPENAI_API_KEY=sk-...\nexport DATABASE_URL=postgres://user:\${DB_PASSWORD}@db:5432/app\n\`\`\`\n\nNever commit real keys to version control; use your platform's secret store.`,
  (c) => `## Connecting to AWS\n\nTo store attachments in S3, create an IAM user with the \`${c.product}Storage\` policy and add its credentials. The example below uses the placeholder credentials from the AWS documentation:\n\n\`\`\`ini\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = eu-central-1\n\`\`\``,
  (c) => `## Users and roles\n\n${c.product} knows three roles: viewers can read everything in a workspace, editors can change content, and admins can manage members and billing. The first account created becomes the admin. Invite colleagues from Settings → Members; they receive an e-mail with a sign-in link.`,
  (c) => `## Backups\n\nRun \`${c.product.toLowerCase()} backup --out /var/backups\` nightly. Backups are compressed and contain the database and uploaded files. Restoring is a single command and takes about one minute per gigabyte on typical hardware.`,
  (c) => `## Troubleshooting\n\n**The server does not start.** Check that the port is free and that the database URL is reachable. **Login fails with "invalid credentials".** The password is case-sensitive; reset it with \`${c.product.toLowerCase()} users reset-password <email>\`. **Uploads fail.** Make sure the storage bucket exists and the credentials have write access.`,
  (c) => `## Upgrading\n\nRead the release notes before upgrading. Minor versions (${random3(c)}) are backwards compatible; major versions may require a database migration, which runs automatically on start-up and can be rolled back with \`${c.product.toLowerCase()} migrate down\`.`,
];

function random3(c: Context): string {
  return `${c.random.int(1, 9)}.${c.random.int(0, 20)}.x`;
}

function manual(random: Random): GeneratedDocument {
  const c = context(random);
  const text = [
    `# ${c.product} Administrator Manual`,
    `This manual describes how to install, configure and operate ${c.product}, the self-hosted ${random.pick(['ticketing', 'inventory', 'knowledge base', 'analytics'])} server by ${c.company}. It is written for system administrators; end users find their guide in the help centre.`,
    ...someSections(random, MANUAL_SECTIONS, c, 6, 8),
    `## Support\n\nCommercial customers can open a ticket at support@${c.domain}. The community forum is the best place for questions about self-hosted installations.`,
  ];
  return { kind: 'manual', title: `${c.product} Administrator Manual`, format: 'markdown', text: text.join('\n\n'), expected: 'public' };
}

const ONBOARDING_SECTIONS: ((c: Context) => string)[] = [
  (c) => `## Day one\n\nYour buddy is ${at(c, 2).full}. They will walk you through the codebase, introduce you to the team and answer the questions you feel silly asking. Your first task is to get the development environment running and ship a small change to production before Friday.`,
  () => `## AWS access\n\nYou get your own IAM user after your first week. Until then, configure the CLI with the sandbox profile. The \`aws configure\` prompt looks like this (these are AWS's documented example values, not real keys):\n\n\`\`\`\n$ aws configure --profile sandbox\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\nAWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nDefault region name [None]: eu-west-1\nDefault output format [None]: json\n\`\`\``,
  () => `## Git and GitHub\n\nSet your name and work e-mail before your first commit:\n\n\`\`\`\ngit config --global user.name "Your Name"\ngit config --global user.email "you@example.com"\n\`\`\`\n\nCreate a personal access token with the \`repo\` scope and store it in your keychain. Never paste tokens into Slack or tickets; if one leaks, revoke it immediately.`,
  () => `## Local environment\n\nCopy \`.env.example\` to \`.env\`. The example file contains only placeholders such as \`OPENAI_API_KEY=sk-your-key-here\` and \`DATABASE_PASSWORD=changeme-locally\`; ask in #dev-help for the sandbox values. Run \`pnpm install\` and \`pnpm dev\`; the app is then available on http://localhost:3000.`,
  () => `## Slack channels\n\nJoin #engineering for announcements, #dev-help for questions, #incidents to follow outages and #random for everything else. The on-call rota is pinned in #incidents. Please keep customer names and data out of public channels.`,
  (c) => `## How we review code\n\nEvery change goes through a pull request with at least one approving review. Keep pull requests small; anything over 400 lines should be split. Reviewers answer within one working day. ${at(c, 3).first} and ${at(c, 4).first} maintain the review guidelines.`,
  () => `## Deployments\n\nWe deploy from the main branch several times a day. Deployments are automatic once the checks pass. Feature flags let you merge unfinished work safely. Rollbacks are a button in the deploy dashboard.`,
  (c) => `## Your first month\n\nBy the end of your first month you should have shipped a few small changes, joined the on-call shadow rota and had a first one-to-one with ${at(c, 5).full}, your manager. We will ask for feedback on this guide: tell us what was missing.`,
];

function onboardingGuide(random: Random): GeneratedDocument {
  const c = context(random);
  const text = [
    `# Engineering onboarding at ${c.company}`,
    `Welcome to the ${c.product} team! This guide gets you from a fresh laptop to your first deployment. Work through it at your own pace; nobody expects you to finish it on day one.`,
    ...someSections(random, ONBOARDING_SECTIONS, c, 6, 8),
    `Questions about access? Write to it-help@${c.domain}.`,
  ];
  return { kind: 'onboarding_guide', title: `Engineering onboarding`, format: 'markdown', text: text.join('\n\n'), expected: 'public' };
}

function meetingNotes(random: Random): GeneratedDocument {
  const c = context(random);
  const attendees = random.sample(c.people, random.int(4, 7));
  const internal = random.chance(0.35);
  const topics = random.sample(
    [
      `### ${c.product} release\n\n${attendees[0]?.first} reported that the release candidate passed the regression suite. Two bugs remain open: the export button is hidden on small screens and the date picker ignores the locale. Decision: ship on ${dateIn(random, c.year, c.year)} if both are fixed by Wednesday.`,
      `### Performance of the search API\n\nMedian latency went from ${random.int(80, 140)} ms to ${random.int(40, 79)} ms after the index change; p99 is still above the 500 ms target. ${attendees[1]?.first} suggested caching the facet counts. Agreed to try it behind a feature flag.`,
      `### Hiring\n\nTwo open roles: a backend engineer and a product designer. The job ads go live next week. ${attendees[2]?.first} will update the interview guide and coordinate the panel.`,
      `### Customer feedback\n\nSupport received ${random.int(20, 90)} tickets about the new onboarding flow, most asking where the import button went. ${attendees[3]?.first} will add a hint and measure whether tickets drop.`,
      `### Budget\n\nThe infrastructure budget for the quarter is on track. Storage costs grew ${random.int(5, 25)}% because of the new backups; we will move old snapshots to cold storage.`,
      `### Offsite\n\nThe team offsite is planned in ${random.pick(CITIES)} in ${random.pick(['May', 'September', 'October'])}. ${attendees[0]?.first} is collecting ideas for sessions; please add yours to the board.`,
      `### Roadmap\n\nThe roadmap for next quarter focuses on reporting and integrations. ${attendees[1]?.first} presented the results of the customer survey: scheduled reports were requested by almost half of the respondents, single sign-on by a third. We agreed to start with reports and to revisit single sign-on after the security review.`,
      `### Documentation\n\nThe API reference is out of date in several places, especially the pagination examples. ${attendees[2]?.first} will go through the open documentation tickets with the technical writer and propose a fix-it day before the release.`,
      `### Incident review\n\nLast Tuesday's outage lasted ${random.int(12, 80)} minutes. Root cause: an expired TLS certificate on the internal load balancer. Action: add certificate expiry to the monitoring dashboard and alert 30 days ahead.`,
    ],
    random.int(4, 6),
  );
  const actions = attendees.slice(0, 4).map((who, i) => `- ${who.full}: ${['fix the export button', 'prototype the facet cache', 'update the interview guide', 'write the onboarding hint', 'book the venue'][i]} by ${dateIn(random, c.year, c.year)}`);
  const text = [
    `# Weekly sync — ${c.product} team`,
    internal ? 'Internal only — do not forward.' : '',
    `Date: ${dateIn(random, c.year, c.year)}\nAttendees: ${attendees.map((a) => a.full).join(', ')}\nNotes: ${attendees[attendees.length - 1]?.first}`,
    `### Updates round\n\n${attendees.map((who) => `- ${who.first}: ${random.pick(['finished the migration of the billing jobs', 'is pairing with support on the import bugs', 'reviewed the design for the new settings page', 'ran the load test for the search service', 'is on holiday from next Wednesday', 'started on the accessibility audit', 'wrote the postmortem for the outage'])}`).join('\n')}`,
    ...topics,
    `### Decisions\n\n- Keep the weekly release train; skip the release in the week of the offsite.\n- New dependencies need a short note in the architecture log before they are merged.\n- The support rota moves to a two-week cycle from next month.`,
    `### Action items\n\n${actions.join('\n')}`,
    `### Parking lot\n\n${random.pick(['Whether to move the standup to 9:30', 'Renaming the staging environment', 'A shared calendar for conference talks'])}; ${random.pick(['a better template for incident reviews', 'the next hack day theme', 'cleaning up old feature flags'])}. Next sync: same time next week.`,
  ].filter(Boolean);
  return { kind: 'meeting_notes', title: `Weekly sync ${c.product}`, format: 'markdown', text: text.join('\n\n'), expected: internal ? 'internal' : 'public' };
}

function blogPost(random: Random): GeneratedDocument {
  const c = context(random);
  const author = at(c, 0);
  const before = random.int(18, 40);
  const after = random.int(5, before - 5);
  const sections = [
    `# How we cut our CI time from ${before} to ${after} minutes`,
    `*By ${author.full}, ${dateIn(random, c.year, c.year)}*`,
    `Every engineer at ${c.company} knows the feeling: you push a one-line fix and then wait ${before} minutes for the pipeline to tell you that a flaky test failed. Last quarter we decided to fix that for good. This post describes what we measured, what we changed and what did not work.`,
    `## Measure first\n\nWe exported ${random.int(2000, 9000)} pipeline runs and looked at where the time went. Installing dependencies took a quarter of the total, the integration tests another half. Surprisingly, the build itself was only ${random.int(8, 15)}% of the time.`,
    `## Caching dependencies\n\nWe switched to a content-addressed cache keyed by the lockfile. A warm cache brings installation down from four minutes to twenty seconds. The trick was to cache the package store, not node_modules, so that different jobs can share it.`,
    `## Splitting the test suite\n\nThe integration tests now run in ${random.int(4, 12)} parallel shards, balanced by the duration of the previous run rather than by file count. We also moved database setup into a template database that each shard clones in under a second.`,
    `## What did not work\n\nRunning everything on bigger machines helped less than expected: most steps were waiting on the network, not the CPU. Retrying flaky tests automatically hid real bugs, so we turned it off again and fixed the tests instead.`,
    `## The configuration\n\nThe heart of the change is a few lines in the pipeline definition:\n\n\`\`\`yaml\ncache:\n  key: deps-\${{ hashFiles('pnpm-lock.yaml') }}\n  paths: [~/.pnpm-store]\ntest:\n  parallel: ${random.int(4, 12)}\n  script: pnpm test --shard=\${CI_NODE_INDEX}/\${CI_NODE_TOTAL}\n\`\`\`\n\nNothing here is specific to our stack; the same idea works with npm, yarn or pip.`,
    `## Flaky tests\n\nWe found ${random.int(12, 60)} tests that failed at least once in a hundred runs without any code change. Most of them waited for a fixed amount of time instead of waiting for an event. Replacing sleeps with explicit waits fixed about two thirds; the rest were genuine race conditions in the code, which we were glad to find.`,
    `## Results\n\nMedian pipeline time is now ${after} minutes, and the slowest 5% of runs finish in under ${after + 6}. Developers merge more often and in smaller pieces. If you want to try this yourself, our configuration is in the public repository of ${c.product}.`,
    `*Want to work on problems like this? We are hiring in ${c.city} and remotely — see our careers page or write to jobs@${c.domain}.*`,
  ];
  return { kind: 'blog_post', title: `How we cut our CI time`, format: 'markdown', text: sections.join('\n\n'), expected: 'public' };
}

function productSpec(random: Random): GeneratedDocument {
  const c = context(random);
  const owner = at(c, 0);
  const sections = [
    `# Product specification: ${c.product} ${random.int(2, 6)}.${random.int(0, 9)}`,
    `Owner: ${owner.full} · Status: ${random.pick(['draft', 'in review', 'approved'])} · Last updated: ${dateIn(random, c.year, c.year)}`,
    `## Problem\n\nTeams using ${c.product} today export data to spreadsheets to build reports, because the built-in dashboards cannot combine data from several projects. In interviews, ${random.int(8, 20)} of ${random.int(21, 30)} customers named this as their biggest frustration.`,
    `## Goals\n\n- Cross-project dashboards with up to 20 widgets\n- Scheduled e-mail reports (daily, weekly, monthly)\n- Export to CSV and PDF\n- Load time under 2 seconds for dashboards with 1 million rows`,
    `## User stories\n\n- As a team lead, I want one dashboard for all my projects so that I can see where we are behind.\n- As a finance manager, I want a monthly PDF report in my inbox so that I do not have to log in.\n- As an admin, I want to control who can create shared dashboards so that the workspace stays tidy.`,
    `## Requirements\n\n1. Widgets: number, line chart, bar chart, table, progress bar.\n2. Filters by project, owner, label and date range, applied to all widgets at once.\n3. Dashboards can be private, shared with a team, or shared with the whole workspace.\n4. Reports are generated in the recipient's time zone and language.\n5. All actions are recorded in the audit log.`,
    `## Success metrics\n\nWe will call this a success if, three months after launch, ${random.int(20, 40)}% of active workspaces have at least one shared dashboard, spreadsheet exports drop by a quarter, and the time to first dashboard stays under five minutes in usability tests.`,
    `## Non-goals\n\nWe do not build a general BI tool. Custom SQL, joins with external data sources and pixel-perfect print layouts are out of scope for this version.`,
    `## API\n\n\`GET /api/v2/dashboards/{id}\` returns the dashboard definition. \`POST /api/v2/reports\` schedules a report:\n\n\`\`\`json\n{ "dashboardId": "db_${random.chars('abcdef0123456789', 8)}", "schedule": "weekly", "recipients": ["team@example.com"], "format": "pdf" }\n\`\`\``,
    `## Hardware (kiosk edition)\n\nThe wall display variant ships with a ${random.int(43, 65)}-inch screen, ${random.pick(['4', '8'])} GB RAM, part number ${random.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}-${random.digits(4)}-${random.digits(3)}, weight ${random.int(9, 25)} kg, operating temperature 0–40 °C.`,
    `## Milestones\n\n- Design review: ${dateIn(random, c.year, c.year)}\n- Beta with five customers: ${dateIn(random, c.year, c.year)}\n- General availability: ${dateIn(random, c.year, c.year + 1)}`,
    `## Risks\n\nLarge workspaces may hit query limits on the analytics database. We will load-test with the three largest customers' data volumes before the beta and add pre-aggregation if needed. Accessibility of charts is another risk: every chart needs a table view for screen readers.`,
    `## Open questions\n\nShould reports respect the viewer's permissions or the creator's? ${at(c, 1).first} prefers the viewer's, which is safer but makes scheduled reports harder to reason about. To be decided in the next review.`,
  ];
  return { kind: 'product_spec', title: `${c.product} spec`, format: 'markdown', text: sections.join('\n\n'), expected: 'public' };
}

function privacyPolicy(random: Random): GeneratedDocument {
  const c = context(random);
  const office = postalAddress(random);
  const sections = [
    `# Privacy policy`,
    `Last updated: ${dateIn(random, c.year, c.year)}. This policy explains which personal data ${c.company} collects when you use ${c.product}, why, and what rights you have.`,
    `## Who we are\n\nThe controller is ${c.company}, ${office.lines.join(', ')}. Our data protection officer can be reached at dpo@${c.domain} or by post at the same address, marked "Data protection".`,
    `## What we collect\n\n- Account data: your name, e-mail address and password (stored only as a salted hash).\n- Usage data: pages visited, features used, device type and an IP address shortened to its first three bytes.\n- Payment data: handled by our payment provider; we only see the card brand, the last four digits and the expiry date.\n- Support data: what you write to us and our replies.`,
    `## Why we use it\n\nTo provide the service (contract), to keep it secure and improve it (legitimate interest), to send invoices and meet tax obligations (legal obligation), and, only with your consent, to send the newsletter. You can withdraw consent at any time with the link in every newsletter.`,
    `## How long we keep it\n\nAccount data for as long as your account exists and ${random.int(30, 90)} days afterwards; invoices for ten years as required by tax law; support conversations for two years; server logs for ${random.int(7, 30)} days.`,
    `## Who receives it\n\nHosting providers in the European Union, our payment provider, and an e-mail delivery service. We never sell personal data. Transfers outside the EU rely on the European Commission's standard contractual clauses.`,
    `## Your rights\n\nYou may ask for access, correction, deletion, restriction or a copy of your data, and you may object to processing based on legitimate interest. Write to privacy@${c.domain}; we answer within one month. You may also complain to your data protection authority.`,
    `## Cookies\n\nWe use strictly necessary cookies to keep you signed in, and analytics cookies only if you accept them in the banner. The cookie settings page lists every cookie with its purpose and lifetime.`,
  ];
  return { kind: 'privacy_policy', title: `${c.product} privacy policy`, format: 'markdown', text: sections.join('\n\n'), expected: 'public' };
}

function releaseNotes(random: Random): GeneratedDocument {
  const c = context(random);
  const major = random.int(2, 9);
  const releases = Array.from({ length: random.int(4, 6) }, (_, i) => {
    const minor = 10 - i;
    const fixes = random.sample(
      [
        `Fixed a crash when importing CSV files with an empty last line (#${random.int(1000, 9999)}).`,
        `The search box keeps its query when you switch projects.`,
        `Exports now respect the time zone set in your profile.`,
        `Reduced memory use of the desktop app by about ${random.int(10, 40)}%.`,
        `Fixed a race condition that could show a stale dashboard after login.`,
        `API: \`GET /v2/items\` accepts \`updated_since\` (ISO 8601).`,
        `Password reset e-mails are now sent in the user's language.`,
        `Upgraded the embedded PDF renderer to ${random.int(1, 4)}.${random.int(0, 20)}.${random.int(0, 9)}.`,
        `Keyboard shortcuts work again in Firefox ${random.int(120, 140)}.`,
        `Build ${random.chars('0123456789abcdef', 7)}: signed installers for Windows on ARM.`,
      ],
      random.int(3, 5),
    );
    return `## ${c.product} ${major}.${minor}.0 — ${dateIn(random, c.year, c.year)}\n\n${fixes.map((fix) => `- ${fix}`).join('\n')}`;
  });
  const text = [
    `# ${c.product} release notes`,
    `All notable changes to ${c.product}. Versions follow semantic versioning; upgrade notes are marked **Action required**.`,
    ...releases,
    `**Action required** for self-hosted installations: set \`${c.product.toUpperCase()}_SECRET_KEY\` to a random value of at least 32 characters before upgrading to ${major}.10; the server refuses to start with the default \`change-me\`.`,
    `Questions? Ask in the community forum or write to support@${c.domain}.`,
  ];
  return { kind: 'release_notes', title: `${c.product} release notes`, format: 'markdown', text: text.join('\n\n'), expected: 'public' };
}

// ---------------------------------------------------------------------------------------------
// Confidential documents

function hrRecord(random: Random): GeneratedDocument {
  const c = context(random);
  const employee = at(c, 0);
  const manager = at(c, 1);
  const address = postalAddress(random);
  const salary = random.int(48, 180) * 1000;
  const idLine = random.pick([
    `SSN: ${values.usSsn(random)}`,
    `National Insurance number: ${values.ukNiNumber(random)}`,
    `Social Insurance Number: ${values.caSin(random)}`,
    `Personal e-mail: ${values.personalEmail(random, employee)}`,
  ]);
  const sections = [
    `# Personnel file — ${employee.full}`,
    `Employee ID: E-${random.digits(5)}\nDepartment: ${random.pick(['Sales', 'Engineering', 'Finance', 'Operations', 'Support'])}\nManager: ${manager.full}\nStart date: ${dateIn(random, 2012, 2023)}\nDate of birth: ${dateIn(random, 1965, 2000)}\nHome address: ${address.lines.join(', ')}\n${idLine}`,
    `## Role history\n\n- ${dateIn(random, 2012, 2018)}: joined as ${random.pick(['Junior Analyst', 'Support Specialist', 'Software Engineer', 'Sales Representative'])}\n- ${dateIn(random, 2018, 2021)}: promoted to ${random.pick(['Analyst', 'Senior Support Specialist', 'Senior Engineer', 'Account Executive'])}\n- ${dateIn(random, 2021, 2024)}: moved to the ${random.pick(['platform', 'enterprise', 'finance operations', 'customer success'])} team under ${manager.full}`,
    `## Compensation\n\nBase salary: ${salary.toLocaleString('en-US')} ${random.pick(['USD', 'EUR', 'GBP'])} per year, reviewed every April. Bonus target ${random.int(5, 20)}% of base. Last adjustment: +${random.int(2, 9)}% on ${dateIn(random, 2024, 2025)}.`,
    `## Performance review ${c.year - 1}\n\nOverall rating: ${random.pick(['below expectations', 'partially meets expectations', 'meets expectations'])}. ${employee.first} delivered the migration project late and missed two customer deadlines. ${manager.first} and ${employee.first} agreed on a performance improvement plan with monthly check-ins for the next quarter.`,
    `## Absence\n\n${employee.first} was on sick leave from ${dateIn(random, c.year - 1, c.year - 1)} for ${random.int(3, 12)} weeks following ${random.pick(['back surgery', 'treatment for depression', 'a cancer diagnosis', 'a burnout'])}. A phased return to work was agreed with occupational health.`,
    `## Objectives for ${c.year}\n\n1. Deliver the ${c.product} reporting project on the agreed dates, with weekly status updates to ${manager.first}.\n2. Complete the project management certification by the end of the year.\n3. Improve response times on escalated tickets to under two working days.\n\nThe objectives were discussed in the one-to-one on ${dateIn(random, c.year, c.year)} and accepted by both sides.`,
    `## Training record\n\n- ${dateIn(random, 2020, 2025)}: data protection basics (passed)\n- ${dateIn(random, 2020, 2025)}: ${random.pick(['negotiation skills', 'first aid at work', 'advanced Excel', 'leading without authority'])}\n- ${dateIn(random, 2020, 2025)}: information security awareness (passed)\n\nLeave balance: ${random.int(2, 28)} days of holiday remaining, ${random.int(0, 5)} days carried over from last year.`,
    `## Emergency contact\n\n${at(c, 3).full} (${random.pick(['spouse', 'partner', 'brother', 'mother'])}), ${values.phoneNumber(random).text}`,
    `## Notes\n\n${random.pick([`A written warning was issued on ${dateIn(random, c.year - 1, c.year)} after repeated unexplained absences.`, `${employee.first} asked for a transfer to the ${c.city} office for family reasons; approved pending a vacancy.`, `Salary band review requested by ${manager.first}; HR to benchmark against the market.`])} Keep this file in the HR system only.`,
  ];
  return { kind: 'hr_record', title: `Personnel file ${employee.full}`, format: 'markdown', text: sections.join('\n\n'), expected: 'confidential' };
}

function customerExport(random: Random): GeneratedDocument {
  const c = context(random);
  const rows = ['customer_id,name,email,phone,city,plan,created_at'];
  const count = random.int(40, 80);
  for (let i = 0; i < count; i++) {
    const who = person(random);
    const phone = values.phoneNumber(random).text;
    rows.push(`C${random.digits(6)},${who.full},${values.personalEmail(random, who)},${phone},${random.pick(CITIES)},${random.pick(['free', 'pro', 'team', 'enterprise'])},${dateIn(random, 2021, 2026)}`);
  }
  return { kind: 'customer_export', title: `${c.company} customers export`, format: 'text', text: rows.join('\n'), expected: 'confidential' };
}

function envDump(random: Random): GeneratedDocument {
  const c = context(random);
  const aws = values.awsAccessKey(random);
  const lines = [
    `# ${c.product} production environment — exported ${dateIn(random, c.year, c.year)}`,
    '',
    '# --- app ---',
    'NODE_ENV=production',
    `PORT=${random.pick([3000, 4000, 8080])}`,
    `LOG_LEVEL=${random.pick(['info', 'warn'])}`,
    `PUBLIC_URL=https://app.${c.domain}`,
    `SESSION_TTL_SECONDS=${random.pick([3600, 86400])}`,
    `FEATURE_FLAGS=new-dashboard,bulk-export,${random.pick(['beta-search', 'dark-mode', 'sso'])}`,
    '',
    '# --- database ---',
    `DATABASE_URL=${values.connectionString(random)}`,
    `DATABASE_POOL_SIZE=${random.int(5, 40)}`,
    `REDIS_URL=redis://default:${values.password(random).replace(/[@/:#?%]/g, 'x')}@cache.${c.domain}:6379`,
    '',
    '# --- providers ---',
    `OPENAI_API_KEY=${values.openaiKey(random)}`,
    `ANTHROPIC_API_KEY=${values.anthropicKey(random)}`,
    `STRIPE_SECRET_KEY=${values.stripeKey(random)}`,
    `STRIPE_WEBHOOK_SECRET=whsec_${random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32)}`,
    `SLACK_BOT_TOKEN=${values.slackToken(random)}`,
    `GITHUB_TOKEN=${values.githubToken(random)}`,
    '',
    '# --- aws ---',
    `AWS_ACCESS_KEY_ID=${aws.keyId}`,
    `AWS_SECRET_ACCESS_KEY=${aws.secret}`,
    `AWS_REGION=${random.pick(['eu-west-1', 'us-east-1', 'eu-central-1'])}`,
    `S3_BUCKET=${c.product.toLowerCase()}-uploads-prod`,
    '',
    '# --- mail ---',
    `SMTP_HOST=smtp.${c.domain}`,
    'SMTP_PORT=587',
    `SMTP_USER=notifications@${c.domain}`,
    `SMTP_PASSWORD=${values.password(random)}`,
    '',
    '# --- misc ---',
    `JWT_SIGNING_SECRET=${random.chars('abcdef0123456789', 64)}`,
    `SENTRY_DSN=https://${random.chars('abcdef0123456789', 32)}@o${random.digits(6)}.ingest.sentry.io/${random.digits(7)}`,
    `MAX_UPLOAD_MB=${random.pick([25, 50, 100])}`,
    `RATE_LIMIT_PER_MINUTE=${random.pick([60, 120, 600])}`,
    `CORS_ORIGINS=https://app.${c.domain},https://admin.${c.domain}`,
    `CACHE_TTL_SECONDS=${random.pick([60, 300, 900])}`,
    `WORKER_CONCURRENCY=${random.int(2, 16)}`,
    `EMBEDDING_BATCH_SIZE=${random.pick([16, 32, 64])}`,
    `PDF_RENDERER=${random.pick(['chromium', 'wkhtmltopdf'])}`,
    `TIMEZONE=${random.pick(['Europe/Berlin', 'UTC', 'America/New_York'])}`,
    `ANALYTICS_ENABLED=${random.pick(['true', 'false'])}`,
    `DEFAULT_LOCALE=${random.pick(['en-US', 'de-DE', 'fr-FR'])}`,
    '',
    '# --- search ---',
    `SEARCH_INDEX=${c.product.toLowerCase()}-prod`,
    `SEARCH_RESULTS_PER_PAGE=${random.pick([10, 20, 50])}`,
    `SEARCH_MIN_SCORE=0.${random.int(2, 6)}`,
    `SEARCH_SYNONYMS_FILE=/etc/${c.product.toLowerCase()}/synonyms.txt`,
    '',
    '# --- jobs ---',
    `QUEUE_NAME=${c.product.toLowerCase()}-jobs`,
    `JOB_ATTEMPTS=${random.int(3, 8)}`,
    `JOB_BACKOFF_MS=${random.pick([1000, 5000, 30000])}`,
    `NIGHTLY_REPORT_CRON=0 ${random.int(1, 5)} * * *`,
    `CLEANUP_AFTER_DAYS=${random.pick([30, 90, 365])}`,
    '',
    '# --- integrations ---',
    `CRM_BASE_URL=https://crm.${c.domain}/api/v3`,
    `CRM_CLIENT_ID=${c.product.toLowerCase()}-prod`,
    `CRM_CLIENT_SECRET=${random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40)}`,
    `WEBHOOK_TIMEOUT_MS=${random.pick([3000, 5000, 10000])}`,
    `MAPS_PROVIDER=${random.pick(['osm', 'mapbox'])}`,
    '# rotate everything above after the contractor offboarding (ticket OPS-' + random.digits(4) + ')',
  ];
  return { kind: 'env_dump', title: `.env production`, format: 'text', text: lines.join('\n'), expected: 'confidential' };
}

function boardMemo(random: Random): GeneratedDocument {
  const c = context(random);
  const marked = random.chance(0.5);
  const target = random.pick(COMPANIES.filter((name) => name !== c.company));
  const ceo = at(c, 0);
  const cfo = at(c, 1);
  const sections = [
    marked ? random.pick(['CONFIDENTIAL — BOARD OF DIRECTORS ONLY', 'STRICTLY CONFIDENTIAL', 'Confidential: prepared for the Board']) : '',
    `# Memo to the Board of Directors`,
    `From: ${ceo.full}, CEO; ${cfo.full}, CFO\nDate: ${dateIn(random, c.year, c.year)}\nRe: Q${random.int(1, 4)} update and proposed transaction`,
    `## Trading update\n\nRevenue for the quarter is tracking at ${random.int(40, 400)} million, roughly ${random.int(4, 12)}% below the guidance we gave the market. The shortfall comes from delayed renewals in the enterprise segment. These figures have not been published; the earnings release is scheduled for ${dateIn(random, c.year, c.year)}.`,
    `## Proposed acquisition of ${target}\n\nWe have negotiated exclusivity with ${target} until the end of next month. The proposed price is ${random.int(150, 1800)} million in cash and shares, a ${random.int(20, 45)}% premium to its last funding round. The deal has not been announced and must not be discussed outside this board until signing.`,
    `## Market and competition\n\nTwo competitors cut list prices by around ${random.int(10, 25)}% this quarter, and we lost ${random.int(3, 9)} competitive deals on price alone. Win rates against smaller vendors remain stable. We do not recommend matching the price cuts; instead we propose bundling the analytics module into the enterprise tier from next year.`,
    `## Product\n\nThe ${c.product} ${random.int(3, 6)}.0 release shipped on time and adoption is ahead of plan: ${random.int(30, 60)}% of active customers use the new scheduling board weekly. The mobile app slipped by one quarter because of the rework of the offline mode.`,
    `## Cash and financing\n\nCash at the end of the quarter is expected at ${random.int(60, 500)} million, enough for ${random.int(18, 40)} months at the current burn rate. The revolving credit facility remains undrawn. Funding the acquisition would use about half of the available cash; the remainder would be paid in shares.`,
    `## Organisation\n\nTo protect margins we propose closing the ${random.pick(CITIES)} site and reducing headcount by ${random.int(60, 300)} roles in the second half. Works council consultation would start after the announcement; employees have not been informed.`,
    `## Risks\n\nThe main risks of the transaction are integration of the two engineering teams, the retention of ${target}'s founders, and regulatory review in two markets. Advisers estimate a ${random.int(60, 85)}% probability that the review completes without conditions.`,
    `## Decisions requested\n\n1. Approve entering into a binding agreement with ${target} on the terms above.\n2. Approve the restructuring plan and its budget.\n3. Authorise the CFO to update the market guidance together with the earnings release.`,
  ].filter(Boolean);
  return { kind: 'board_memo', title: `Board memo ${c.company}`, format: 'markdown', text: sections.join('\n\n'), expected: 'confidential' };
}

function medicalNote(random: Random): GeneratedDocument {
  const c = context(random);
  const patient = at(c, 0);
  const doctor = at(c, 1);
  const condition = random.pick([
    ['type 2 diabetes mellitus', 'metformin 500 mg twice daily'],
    ['major depressive disorder, moderate', 'sertraline 50 mg once daily'],
    ['essential hypertension', 'ramipril 5 mg once daily'],
    ['asthma, poorly controlled', 'budesonide/formoterol inhaler'],
    ['hypothyroidism', 'levothyroxine 75 µg once daily'],
  ] as const);
  const sections = [
    `# Clinic note`,
    `Patient: ${patient.full}\nDate of birth: ${dateIn(random, 1940, 2005)}\nPatient ID: ${random.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 3)}${random.digits(7)}\nSeen by: Dr. ${doctor.last}\nDate of visit: ${dateIn(random, c.year, c.year)}`,
    `## History\n\n${patient.first} presents with ${random.pick(['fatigue and increased thirst for six weeks', 'low mood, poor sleep and loss of interest for three months', 'headaches and raised home blood pressure readings', 'night-time cough and wheezing', 'weight gain, tiredness and feeling cold'])}. No recent infections. Works full time as ${random.pick(['a teacher', 'an engineer', 'a nurse', 'a driver', 'an accountant'])}; lives with ${random.pick(['partner and two children', 'a flatmate', 'elderly mother'])}.`,
    `## Medication\n\n${random.pick(['No regular medication before this visit.', 'Takes an oral contraceptive and occasional ibuprofen.', 'Takes atorvastatin 20 mg at night.', 'Uses a salbutamol inhaler as needed.'])} Over-the-counter supplements: ${random.pick(['vitamin D', 'none', 'magnesium', 'fish oil'])}.\n\n## Allergies\n\n${random.pick(['Penicillin (rash).', 'No known drug allergies.', 'Latex; hay fever in spring.', 'Sulfonamides (swelling).'])}`,
    `## Social history\n\n${random.pick(['Non-smoker', 'Ex-smoker, stopped ten years ago', 'Smokes about ten cigarettes a day'])}; alcohol ${random.pick(['occasionally at weekends', 'about 10 units per week', 'none'])}. Exercise: ${random.pick(['walks the dog daily', 'cycles to work', 'little regular exercise', 'plays football once a week'])}. Sleep ${random.pick(['poor in recent weeks', 'about seven hours', 'interrupted by night shifts'])}.`,
    `## Examination and results\n\nBlood pressure ${random.int(118, 168)}/${random.int(72, 102)} mmHg, pulse ${random.int(58, 96)}/min, BMI ${random.int(21, 34)}. Laboratory results from ${dateIn(random, c.year, c.year)} attached; relevant values discussed with the patient.`,
    `## Laboratory values\n\n| test | result | reference |\n| --- | --- | --- |\n| HbA1c | ${(random.int(50, 95) / 10).toFixed(1)} % | < 5.7 % |\n| TSH | ${(random.int(4, 90) / 10).toFixed(1)} mU/l | 0.4–4.0 mU/l |\n| Creatinine | ${random.int(55, 120)} µmol/l | 45–110 µmol/l |\n| LDL cholesterol | ${(random.int(18, 52) / 10).toFixed(1)} mmol/l | < 3.0 mmol/l |\n| Haemoglobin | ${random.int(115, 165)} g/l | 120–160 g/l |`,
    `## Assessment\n\nDiagnosis: ${condition[0]}. Discussed the diagnosis, lifestyle measures and treatment options with ${patient.first}, who agrees with the plan.`,
    `## Plan\n\nStart ${condition[1]}. Review in ${random.int(4, 12)} weeks with repeat bloods. Sick note issued for ${random.int(1, 3)} weeks. Referral to ${random.pick(['diabetes education', 'psychological therapies', 'cardiology', 'respiratory clinic', 'endocrinology'])} sent.`,
    `## Patient education\n\nExplained the condition, the expected effect and common side effects of the medication, and what to do if symptoms get worse. Written information leaflet given. ${patient.first} was encouraged to bring a family member to the next appointment and to write down questions beforehand.`,
    `## Safety netting\n\nReturn earlier or call the out-of-hours service if symptoms worsen, if new symptoms such as chest pain, shortness of breath or thoughts of self-harm appear, or if the medication causes side effects that do not settle within two weeks.`,
    `## Letter to the referring service\n\nDear colleague, I would be grateful if you could see ${patient.full} regarding the diagnosis above. ${patient.first} has started treatment as described and is keen to understand the longer-term outlook. Please let me know if further tests would help before the appointment. Kind regards, Dr. ${doctor.full}.`,
    `## Correspondence\n\nLetter copied to the patient's home address: ${postalAddress(random).lines.join(', ')}.`,
  ];
  return { kind: 'medical_note', title: `Clinic note ${patient.last}`, format: 'markdown', text: sections.join('\n\n'), expected: 'confidential' };
}

function payroll(random: Random): GeneratedDocument {
  const c = context(random);
  const currency = random.pick(['EUR', 'GBP', 'USD']);
  const header = `# Payroll ${random.pick(['January', 'April', 'July', 'October'])} ${c.year} — ${c.company}\n\nApproved by finance on ${dateIn(random, c.year, c.year)}. Transfers are executed two working days before month end.\n\n| Employee | Account | Gross | Tax | Net |\n| --- | --- | --- | --- | --- |`;
  const rows: string[] = [];
  const count = random.int(25, 45);
  for (let i = 0; i < count; i++) {
    const who = person(random);
    const gross = random.int(2800, 12000);
    const tax = Math.round(gross * random.int(18, 38) / 100);
    const account = currency === 'USD' ? `SSN ${values.usSsn(random)}` : values.iban(random, true, currency === 'GBP' ? 'GB' : random.pick(['DE', 'FR', 'NL', 'ES', 'IT']));
    rows.push(`| ${who.full} | ${account} | ${gross} ${currency} | ${tax} | ${gross - tax} |`);
  }
  const footer = `Total gross: ${random.int(100, 400)},${random.digits(3)} ${currency}. Questions to payroll@${c.domain}.`;
  return { kind: 'payroll', title: `Payroll ${c.company}`, format: 'markdown', text: [header, rows.join('\n'), footer].join('\n'), expected: 'confidential' };
}

function ndaContract(random: Random): GeneratedDocument {
  const c = context(random);
  const partner = random.pick(COMPANIES.filter((name) => name !== c.company));
  const signer1 = at(c, 0);
  const signer2 = at(c, 1);
  const sections = [
    random.chance(0.7) ? random.pick(['CONFIDENTIAL — SUBJECT TO NDA', 'Confidential', 'CONFIDENTIAL']) : '',
    `# Supply and licence agreement between ${c.company} and ${partner}`,
    `This agreement is entered into on ${dateIn(random, c.year, c.year)} and is covered by the mutual non-disclosure agreement signed by the parties on ${dateIn(random, c.year - 1, c.year)}. Its terms, including prices, must not be disclosed to third parties.`,
    `## 1. Scope\n\n${c.company} licenses ${c.product} to ${partner} for use by up to ${random.int(500, 20000)} named users at sites in ${random.sample(CITIES, 3).join(', ')}. Support is provided in English and German during business hours.`,
    `## 2. Fees\n\nThe annual licence fee is ${random.int(200, 3000)},000 EUR, a ${random.int(25, 55)}% discount on list price granted in exchange for a ${random.int(3, 5)}-year commitment and a public reference after the first year. Fees are invoiced yearly in advance and payable within 45 days.`,
    `## 3. Service levels\n\nAvailability of 99.${random.pick(['5', '9', '95'])}% per month. Service credits of 5% of the monthly fee per started 0.1% below target, capped at 30%.`,
    `## 4. Confidentiality\n\nEach party shall keep the other party's confidential information secret, use it only to perform this agreement and disclose it only to employees and advisers who need to know it and are bound by equivalent obligations. These obligations survive termination for five years; for trade secrets, for as long as they remain trade secrets.`,
    `## 5. Data protection\n\nWhere ${c.company} processes personal data on behalf of ${partner}, the data processing agreement in Annex 2 applies. Data is hosted in the European Union. Sub-processors are listed in Annex 3 and may only be changed with 30 days' notice.`,
    `## 6. Intellectual property\n\nAll rights in ${c.product}, including improvements made during the term, remain with ${c.company}. ${partner} owns its data and any reports generated from it. Feedback may be used by ${c.company} without restriction.`,
    `## 7. Liability\n\nEach party's liability is limited to the fees paid in the twelve months before the claim, except for breaches of confidentiality, data protection or intellectual property, which are uncapped.`,
    `## 8. Term and termination\n\nThe agreement runs for ${random.int(3, 5)} years and renews for one year at a time unless cancelled with six months' notice. Either party may terminate for material breach not cured within 30 days.`,
    `## 9. Governing law\n\nThis agreement is governed by the laws of ${random.pick(['Germany', 'England and Wales', 'the Netherlands', 'Ireland'])}. The courts of ${random.pick(['Berlin', 'London', 'Amsterdam', 'Dublin'])} have exclusive jurisdiction.`,
    `Signed:\n\n${signer1.full}, for ${c.company}\n${signer2.full}, for ${partner}`,
  ].filter(Boolean);
  return { kind: 'nda_contract', title: `Agreement ${c.company} / ${partner}`, format: 'markdown', text: sections.join('\n\n'), expected: 'confidential' };
}

function curriculumVitae(random: Random): GeneratedDocument {
  const c = context(random);
  const who = at(c, 0);
  const address = postalAddress(random);
  const employers = random.sample(COMPANIES.filter((name) => name !== c.company), 3);
  const sections = [
    `# ${who.full}`,
    `${address.lines.join(', ')}\n${values.phoneNumber(random).text} · ${values.personalEmail(random, who)}\nBorn ${dateIn(random, 1975, 2000)} · ${random.pick(['Driving licence B', 'German and English', 'EU citizen'])}`,
    `## Profile\n\n${random.pick(['Data engineer', 'Product designer', 'Operations manager', 'Backend developer'])} with ${random.int(4, 15)} years of experience in ${random.pick(['logistics', 'fintech', 'healthcare', 'retail'])}. I enjoy turning messy processes into simple tools and mentoring junior colleagues.`,
    `## Experience\n\n**${employers[0]}**, ${random.pick(CITIES)} — ${random.int(2021, 2024)}–today\n- Led a team of ${random.int(3, 9)} building the ${c.product} data platform\n- Cut report generation time from hours to minutes\n\n**${employers[1]}**, ${random.pick(CITIES)} — ${random.int(2016, 2020)}–${random.int(2021, 2023)}\n- Built integrations with ${random.int(5, 30)} partner systems\n- Introduced code review and automated testing\n\n**${employers[2]}**, ${random.pick(CITIES)} — ${random.int(2010, 2015)}–${random.int(2016, 2019)}\n- First engineering hire; shipped the first version of the customer portal`,
    `## Education\n\nM.Sc. ${random.pick(['Computer Science', 'Industrial Engineering', 'Mathematics', 'Information Systems'])}, ${random.pick(['TU Berlin', 'University of Lisbon', 'University of Toronto', 'Trinity College Dublin'])}, ${random.int(2006, 2015)}`,
    `## Selected projects\n\n- **Route planning service**: replaced a nightly batch with an event-driven service; on-time deliveries rose by ${random.int(5, 15)} points.\n- **Self-service analytics**: introduced a semantic layer and trained ${random.int(20, 80)} colleagues to build their own reports.\n- **Cost review**: moved cold data to object storage and renegotiated licences, saving about ${random.int(50, 400)},000 a year.`,
    `## Certifications and volunteering\n\n${random.pick(['AWS Certified Solutions Architect', 'Certified Scrum Product Owner', 'Google Data Analytics Certificate'])} (${random.int(2018, 2024)}). Volunteer mentor at ${random.pick(['a coding school for refugees', 'the local library’s digital help desk', 'a girls-in-tech programme'])} since ${random.int(2015, 2022)}; organiser of the ${random.pick(CITIES)} ${random.pick(['Python', 'data', 'product'])} meetup.`,
    `## Skills\n\nPython, SQL, TypeScript, data modelling, stakeholder management, workshop facilitation. Languages: ${random.pick(['English (fluent), German (native)', 'English (native), French (good)', 'Portuguese (native), English (fluent)'])}.`,
    `## References\n\nAvailable on request. Current salary expectation: ${random.int(60, 120)},000 ${random.pick(['EUR', 'GBP', 'USD'])}; notice period ${random.pick(['one month', 'three months'])}.`,
  ];
  return { kind: 'cv', title: `CV ${who.full}`, format: 'markdown', text: sections.join('\n\n'), expected: 'confidential' };
}

export const DOCUMENT_MAKERS: Record<DocumentKind, (random: Random) => GeneratedDocument> = {
  handbook,
  faq,
  press_release: pressRelease,
  manual,
  onboarding_guide: onboardingGuide,
  meeting_notes: meetingNotes,
  blog_post: blogPost,
  product_spec: productSpec,
  privacy_policy: privacyPolicy,
  release_notes: releaseNotes,
  hr_record: hrRecord,
  customer_export: customerExport,
  env_dump: envDump,
  board_memo: boardMemo,
  medical_note: medicalNote,
  payroll,
  nda_contract: ndaContract,
  cv: curriculumVitae,
};
