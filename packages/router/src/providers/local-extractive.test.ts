import { describe, expect, it, vi } from 'vitest';
import type { ContextPassage } from '../types';
import { cachedEmbedder, extractiveAnswer, type EmbedTexts } from './local-extractive';

const passage = (text: string, chunkIndex = 0, doc: { id: string; title: string } = { id: 'doc-1', title: 'zephyr-handbook' }): ContextPassage => ({
  id: `${doc.id}:${chunkIndex}`,
  documentId: doc.id,
  title: doc.title,
  chunkIndex,
  text,
  sensitivity: 'public',
  score: 0.8,
});

const COULD_NOT_FIND = /couldn't find the answer in your documents/;

const refunds = passage(
  '# Refund policy\n\nRefunds for Zephyr subscriptions are processed within nine business days. Customers request a refund from the billing page. ' +
    'The office coffee machine is cleaned on Fridays.',
);

describe('the extractive responder (words only, as without an encoder)', () => {
  it('quotes the sentence under a markdown heading, never the heading run into it', async () => {
    const { text, citations } = await extractiveAnswer('When does the Zephyr project launch?', [
      passage('# Zephyr project handbook\n\nThe Zephyr project launches on 14 March 2031 at the Rotterdam office. Budget questions go to finance.'),
    ]);
    expect(text).toContain('The Zephyr project launches on 14 March 2031 at the Rotterdam office. [1]');
    expect(text).not.toMatch(/^#/m);
    expect(text).not.toContain('Budget questions');
    expect(citations).toHaveLength(1);
  });

  it("quotes whole sentences from a text file wrapped at 72 characters or a PDF's lines, not the part before the line break", async () => {
    const wrapped = passage(
      'Returns\n\nCustomers may return any unused item within 30 days of delivery for a\nfull refund. Refunds for Zephyr orders are issued to the original payment\n' +
        'method within nine business days after we receive the item. Shipping\ncosts for returns are paid by the customer unless the item arrived\ndamaged.',
    );
    const refund = await extractiveAnswer('How long do Zephyr refunds take?', [wrapped]);
    expect(refund.text).toContain('Refunds for Zephyr orders are issued to the original payment method within nine business days after we receive the item. [1]');
    const shipping = await extractiveAnswer('Who pays the shipping costs for returns?', [wrapped]);
    expect(shipping.text).toContain('Shipping costs for returns are paid by the customer unless the item arrived damaged. [1]');
  });

  it("answers from a table's row, saying what its cells are, not with the header row or pipes", async () => {
    const pricing = passage(
      '# Zephyr pricing\n\nZephyr has three plans.\n\n| Plan | Price per month | Storage |\n|---|---|---|\n| Basic | 10 euros | 5 GB |\n| Pro | 25 euros | 100 GB |\n| Enterprise | 60 euros | 1 TB |',
    );
    const { text } = await extractiveAnswer('How much storage does the Zephyr Enterprise plan include?', [pricing]);
    expect(text).toContain('Plan: Enterprise; Price per month: 60 euros; Storage: 1 TB [1]');
    expect(text).not.toContain('|');
  });

  it('answers from a spec sheet or contact details written as "Label: value" lines', async () => {
    const spec = passage('# Zephyr Z2 kettle\n\nCapacity: 1.7 litres\nColour options: black, copper and cream\nWarranty: two years from purchase\nSupport hours: weekdays only');
    expect((await extractiveAnswer('What colour options does the Zephyr kettle come in?', [spec])).text).toContain('Colour options: black, copper and cream [1]');
    expect((await extractiveAnswer('How long is the Zephyr warranty?', [spec])).text).toContain('Warranty: two years from purchase [1]');
  });

  it('quotes list items without their bullets or numbers, so the answer does not turn into a list', async () => {
    const { text } = await extractiveAnswer('How long do refunds take?', [
      passage('## Returns\n\n- Refunds take 14 working days after the parcel arrives.\n2. Exchanges take seven days.\n> Store credit is issued at once.'),
    ]);
    expect(text).toContain('Refunds take 14 working days after the parcel arrives. [1]');
    expect(text).not.toMatch(/(^|\n)\s*(-|\d\.)\s/);
  });

  it('answers the question behind greetings, pasted identifiers, preambles and a second line', async () => {
    for (const message of [
      'What is the refund policy for Zephyr subscriptions?',
      'My SSN is 123-45-6789, anyway: what is the refund policy for Zephyr subscriptions?',
      'Hi team,\nhow long do Zephyr refunds take?',
      'Hello! My customer id is ZX-4482913 and my email is jane.doe@northwind-logistics.com. How long do Zephyr refunds take?',
      "I bought a yearly plan last week for my whole team and my manager now wants the money back because we are switching tools. How long do Zephyr refunds take? Thanks so much.",
      'Please forward the Zephyr refund rules to jane.doe@northwind-logistics.com',
    ]) {
      const { text, citations } = await extractiveAnswer(message, [refunds]);
      expect(text, message).toContain('Refunds for Zephyr subscriptions are processed within nine business days. [1]');
      expect(text, message).not.toContain('coffee machine');
      expect(citations).toHaveLength(1);
    }
  });

  it('quotes the answer of an FAQ entry, not the restated question', async () => {
    const faq = passage(
      'Account\n\nHow do I reset my password?\nOpen the sign-in page and choose "Forgot password". The reset link stays valid for 30 minutes.\n\n' +
        'How do I delete my account?\nWrite to support and we delete it within a week.',
      0,
      { id: 'faq', title: 'Help center FAQ' },
    );
    const { text } = await extractiveAnswer('How do I reset my password?', [faq]);
    expect(text).toContain('Open the sign-in page and choose "Forgot password". [1]');
    expect(text).not.toContain('How do I reset my password?');
    expect(text).not.toContain('delete');
  });

  it('never quotes a sentence cut at a chunk border, and quotes one split across two chunks whole', async () => {
    const doc = { id: 'hb', title: 'Handbook' };
    const whole = 'Vacation days accrue monthly at 2.25 days per month and can be carried over until 31 March.';
    const first = `## Vacation\n\nEmployees receive 27 days of paid vacation per year. ${whole.slice(0, 40)}`;
    const second = `${whole.slice(20)} Unused days expire after that.`;
    const { text } = await extractiveAnswer('When do vacation days accrue and until when can they be carried over?', [passage(first, 3, doc), passage(second, 4, doc)]);
    expect(text).toContain(`${whole} [1]`);
    expect(text).not.toMatch(/Vacation days accrue monthly \[\d\]/);
  });

  it('keeps a dot inside an address or a version inside the sentence', async () => {
    const { text } = await extractiveAnswer('Who do I tell about a lost laptop?', [
      passage('Report a lost laptop to security@northwind.example within one hour. Version 4.2.0 of the agent wipes it remotely.'),
    ]);
    expect(text).toContain('Report a lost laptop to security@northwind.example within one hour. [1]');
  });

  it('does not pad the answer with a sentence whose only link to the question is a word of the title', async () => {
    const { text } = await extractiveAnswer('What is the rate limit of the Parcelly API?', [
      passage('Parcelly was founded in Leeds in 2014. The rate limit of the API is 100 requests per minute for each key.', 0, { id: 'api', title: 'Parcelly Shipping API Reference' }),
      passage('Tallyhop sends invoices by email and tracks who paid.', 0, { id: 'faq', title: 'Tallyhop Invoicing FAQ' }),
    ]);
    expect(text).toContain('The rate limit of the API is 100 requests per minute for each key. [1]');
    expect(text).not.toContain('founded in Leeds');
  });

  it('says plainly when the passages do not hold the answer', async () => {
    const { text, citations } = await extractiveAnswer('What is the airspeed of an unladen swallow?', [passage('# Zephyr\n\nThe Zephyr project launches in March.')]);
    expect(text).toMatch(COULD_NOT_FIND);
    expect(citations).toEqual([]);
  });

  it('refuses, naming it, when the question asks about a name no passage mentions', async () => {
    const guide = passage('# Lisbon\n\nThe best time to visit Lisbon is spring. Museums open at 10:00 and close on Mondays.', 0, { id: 'lisbon', title: 'Lisbon City Guide' });
    const { text, citations } = await extractiveAnswer('What time does the Lisbon Oceanarium open?', [guide]);
    expect(text).toMatch(COULD_NOT_FIND);
    expect(text).toContain('none of them mentions “Oceanarium”');
    expect(citations).toEqual([]);
    // A name the passages do hold is no reason to refuse, nor is a capital that only starts a sentence.
    expect((await extractiveAnswer('When do Lisbon museums open? Museums are my thing.', [guide])).text).toContain('Museums open at 10:00 and close on Mondays. [1]');
  });


  it('answers a question about a name only from the documents that speak of it', async () => {
    const guide = passage('# Lisbon\n\nA single metro ride costs 1.85 euros. Most museums close on Mondays.', 0, { id: 'lisbon', title: 'Lisbon City Guide' });
    const kennel = passage('# Bookings\n\nA cancellation fee of 20 pounds applies to bookings cancelled late.', 0, { id: 'kennel', title: 'Oakleigh Dog Boarding FAQ' });
    // The kennel's fee shares the most words, but it is not about Lisbon.
    const { text, citations } = await extractiveAnswer('What is the cancellation fee for bookings in Lisbon?', [kennel, guide]);
    expect(text).not.toContain('20 pounds');
    expect(citations.map((citation) => citation.documentId)).not.toContain('kennel');
    // Without the name, the kennel's fee is the answer.
    expect((await extractiveAnswer('What is the cancellation fee for bookings?', [kennel, guide])).text).toContain('A cancellation fee of 20 pounds applies');
  });

  it('knows the names of a question typed all in lower case from how the documents write them', async () => {
    const brightdesk = passage('# Plans\n\nThis page is about plans for Brightdesk. When the trial ends, your workspace becomes read-only until you pick a plan.', 0, { id: 'brightdesk', title: 'Helpdesk FAQ' });
    const tallyhop = passage('# Trial\n\nThis is what happens when your trial ends: invoices you have sent stay available.', 0, { id: 'tallyhop', title: 'Invoicing FAQ' });
    // The invoicing sentence shares more of the question's words, but only the other document speaks of Brightdesk.
    const { text } = await extractiveAnswer('quick question - what happens when the brightdesk trial ends??', [tallyhop, brightdesk]);
    expect(text).toContain('your workspace becomes read-only');
    expect(text).not.toContain('invoices you have sent');
  });

  it('quotes the command of a code block after the line that introduces it', async () => {
    const readme = passage(
      '## Installation\n\nOn macOS with Homebrew:\n\n    brew install tidyphotos\n\nWith Cargo (Rust 1.74 or newer):\n\n```\ncargo install tidyphotos\n```\n\nThe config file is ~/.config/tidyphotos/config.toml on Linux.',
      0,
      { id: 'readme', title: 'tidyphotos README' },
    );
    const brew = await extractiveAnswer('How do I install tidyphotos with Homebrew?', [readme]);
    expect(brew.text).toContain('On macOS with Homebrew: [1] brew install tidyphotos [1]');
    const config = await extractiveAnswer('Where is the config file on Linux?', [readme]);
    expect(config.text).toContain('The config file is ~/.config/tidyphotos/config.toml on Linux. [1]');
  });

  it('says so when no passage was found at all', async () => {
    const { text, citations } = await extractiveAnswer('What is the refund policy?', []);
    expect(text).toMatch(/couldn't find anything in your documents/);
    expect(citations).toEqual([]);
  });
});

describe('summaries, dates and mentions', () => {
  const handbook = { id: 'hb', title: 'Northwind Employee Handbook' };
  const pricing = { id: 'pr', title: 'Brightdesk Pricing 2025' };
  const meeting = { id: 'mt', title: 'Planning meeting notes' };
  const passages = [
    passage(
      '# Northwind Employee Handbook\n\nThis handbook explains how we work together at Northwind. Full-time employees receive 27 days of paid vacation per year. ' +
        'Expenses are reimbursed within 60 days of a receipt.',
      0,
      handbook,
    ),
    passage('# Brightdesk Pricing 2025\n\nThe Starter plan costs 15 dollars per agent per month. Monthly billing costs 20 percent more.', 0, pricing),
    passage('# Planning meeting notes\n\nThe mobile launch moves to 20 May 2025. Tom finishes the sync fix by 28 March. The team liked the new colours.', 0, meeting),
  ];

  it('summarises each document with its title and key sentences', async () => {
    const { text, citations } = await extractiveAnswer('Summarize my most recent document', passages);
    for (const title of ['Northwind Employee Handbook', 'Brightdesk Pricing 2025', 'Planning meeting notes']) expect(text).toContain(`“${title}”`);
    expect(text).toContain('This handbook explains how we work together at Northwind.');
    expect(text).toMatch(/cannot see when each document was uploaded/);
    expect(citations.map((c) => c.documentId).sort()).toEqual(['hb', 'mt', 'pr']);
  });

  it('summarises the document a request names', async () => {
    const { text } = await extractiveAnswer('Give me an overview of the employee handbook', passages);
    expect(text).toContain('“Northwind Employee Handbook”');
    expect(text).not.toContain('Brightdesk');
  });

  it('lists the dated sentences per document for key dates and deadlines', async () => {
    const { text } = await extractiveAnswer('What are the key dates and deadlines?', passages);
    expect(text).toContain('- The mobile launch moves to 20 May 2025. [1]');
    expect(text).toContain('- Tom finishes the sync fix by 28 March. [1]');
    expect(text).not.toContain('colours');
    expect(text).not.toContain('27 days');
  });

  it('names the documents that mention a topic, with the sentence that does', async () => {
    const { text } = await extractiveAnswer('Which documents mention billing?', passages);
    expect(text).toContain('**“Brightdesk Pricing 2025”**: Monthly billing costs 20 percent more.');
    expect(text).not.toContain('Northwind Employee Handbook');
    expect((await extractiveAnswer('Which documents mention parking?', passages)).text).toMatch(COULD_NOT_FIND);
  });
});

describe('choosing sentences by meaning', () => {
  // A stand-in encoder that knows which words mean the same thing: each text becomes a vector of
  // concept counts, so a paraphrase with no shared word lands next to its sentence.
  const concepts: Record<string, string[]> = {
    refund: ['refund', 'refunds', 'money', 'back', 'reimbursed'],
    time: ['long', 'days', 'take', 'takes', 'processed', 'within'],
    coffee: ['coffee', 'machine', 'espresso'],
  };
  const embed: EmbedTexts = async (texts) =>
    texts.map((text) => {
      const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
      return [...Object.values(concepts).map((group) => (words.some((w) => group.includes(w)) ? 1 : 0)), 0.1];
    });

  it('finds the answer to a paraphrase that shares no word with it', async () => {
    const passages = [
      passage('Refunds are processed within nine business days. Money transfers to partner banks are free. The coffee machine is cleaned on Fridays.'),
    ];
    const question = 'How long until I get my money back?';
    const { text } = await extractiveAnswer(question, passages, { embed });
    expect(text).toContain('Refunds are processed within nine business days. [1]');
    expect(text).not.toContain('coffee');
  });

  it('quotes the sentence stating a bound when the question asks for the largest allowed, though another is closer', async () => {
    const question = "What's the largest file I can attach on the free plan?";
    const trial = 'The free trial lasts 21 days.';
    const bound = 'Each upload can be up to 25 MB.';
    // The encoder puts the trial sentence a little closer, and it shares a word with the question.
    const vectors: Record<string, number[]> = { [question]: [1, 0, 0], [trial]: [1, 0.3, 0], [bound]: [1, 0.37, 0] };
    const fixed: EmbedTexts = async (texts) => texts.map((text) => vectors[text] ?? [0, 0, 1]);
    const { text } = await extractiveAnswer(question, [passage(`${trial} ${bound}`)], { embed: fixed });
    expect(text).toContain(`${bound} [1]`);
  });

  it('adds the amount a "how much" question asks for when the closest sentence lacks it', async () => {
    const question = 'How much is the garden waste subscription?';
    const service = 'Garden waste collection is an optional subscription service.';
    const price = 'The subscription costs 52 pounds per bin each year.';
    const other = 'Food waste caddies are emptied every week.';
    // The encoder finds the service sentence closest and the price a little less close.
    const vectors: Record<string, number[]> = { [question]: [1, 0, 0], [service]: [0.9, 0.3, 0], [price]: [1, 0.05, 0], [other]: [0.2, 0, 1] };
    const fixed: EmbedTexts = async (texts) => texts.map((text) => vectors[text] ?? [0, 0, 1]);
    const { text } = await extractiveAnswer(question, [passage(`${service} ${price} ${other}`)], { embed: fixed });
    expect(text).toContain(`${service} [1] ${price} [1]`);
    expect(text).not.toContain('Food waste');
  });

  it('still answers from the words when the encoder fails', async () => {
    const failing: EmbedTexts = async () => {
      throw new Error('encoder down');
    };
    const { text } = await extractiveAnswer('How long do Zephyr refunds take?', [refunds], { embed: failing });
    expect(text).toContain('Refunds for Zephyr subscriptions are processed within nine business days. [1]');
  });

  it('embeds each sentence once across requests', async () => {
    const counting = vi.fn(embed);
    const cached = cachedEmbedder(counting);
    await cached(['a refund', 'coffee time']);
    await cached(['coffee time', 'a refund', 'new text']);
    expect(counting.mock.calls.flatMap(([texts]) => texts)).toEqual(['a refund', 'coffee time', 'new text']);
  });
});
