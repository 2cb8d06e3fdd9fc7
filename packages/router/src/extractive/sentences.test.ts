import { describe, expect, it } from 'vitest';
import type { ContextPassage } from '../types';
import { sentencesOf } from './sentences';

const passage = (text: string): ContextPassage => ({ id: 'doc:0', documentId: 'doc', title: 'Store policy', chunkIndex: 0, text, sensitivity: 'internal', score: 1 });

const quotable = (text: string) =>
  sentencesOf([passage(text)])
    .filter((sentence) => sentence.role === 'answer' && !sentence.fragment)
    .map((sentence) => sentence.text);

const roles = (text: string) => sentencesOf([passage(text)]).map((sentence) => [sentence.role, sentence.text]);

const POLICY =
  'Customers may return any unused item within 30 days of delivery for a full refund. Items must be in their original packaging and include the receipt. ' +
  'Refunds are issued to the original payment method within five business days after we receive the returned item. ' +
  'Shipping costs for returns are paid by the customer unless the item arrived damaged.';

describe('sentencesOf over hard-wrapped text', () => {
  it('reads a text file wrapped at 72 characters as the sentences of the unwrapped paragraph', () => {
    const wrapped = `Returns and refunds\n\nCustomers may return any unused item within 30 days of delivery for a\nfull refund. Items must be in their original packaging and include the\nreceipt. Refunds are issued to the original payment method within five\nbusiness days after we receive the returned item. Shipping costs for\nreturns are paid by the customer unless the item arrived damaged.`;
    expect(quotable(wrapped)).toEqual(quotable(`Returns and refunds\n\n${POLICY}`));
    expect(quotable(wrapped)).toContain('Refunds are issued to the original payment method within five business days after we receive the returned item.');
  });

  it("reads a PDF's lines (no blank lines, headings as short lines) with its headings still headings", () => {
    const pdf = `Returns and refunds\nCustomers may return any unused item within 30 days of delivery for a full refund. Items must\nbe in their original packaging and include the receipt.\nOpening hours\nWe are open Monday to Friday from 9:00 to 17:30 and on Saturdays from 10:00 until 16:00, except\nin August.`;
    expect(roles(pdf)).toEqual([
      ['heading', 'Returns and refunds'],
      ['answer', 'Customers may return any unused item within 30 days of delivery for a full refund.'],
      ['answer', 'Items must be in their original packaging and include the receipt.'],
      ['heading', 'Opening hours'],
      ['answer', 'We are open Monday to Friday from 9:00 to 17:30 and on Saturdays from 10:00 until 16:00, except in August.'],
    ]);
  });

  it('joins a wrapped list item and a word hyphenated across the break, and keeps the next item apart', () => {
    const list = `What you need\n- A valid photo ID such as a passport or a driving licence, and proof of\n  address from the last three months.\n- The signed appli-\n  cation form.`;
    expect(quotable(list)).toEqual(['A valid photo ID such as a passport or a driving licence, and proof of address from the last three months.', 'The signed appli-cation form.']);
    expect(quotable('> Members may borrow up to twelve books at a time from any branch of the\n> library, and renew them online.')).toEqual([
      'Members may borrow up to twelve books at a time from any branch of the library, and renew them online.',
    ]);
    // Items without a full stop: the next item's marker still starts a new line.
    const unpunctuated = '- A valid photo ID such as a passport, a driving licence or a national identity card\n- Proof of address\n- The signed form';
    expect(roles(unpunctuated).map(([, text]) => text)).toEqual(['A valid photo ID such as a passport, a driving licence or a national identity card', 'Proof of address', 'The signed form']);
  });

  it('leaves lines that were meant as lines: an address, table rows, an FAQ question, a heading, code', () => {
    expect(roles('Northwind Logistics\n12 Harbour Street\nRotterdam').map(([, text]) => text)).toEqual(['Northwind Logistics', '12 Harbour Street', 'Rotterdam']);
    const rows = 'Region: North; Quarter: Q1; Revenue: 120,000 euros; Owner: Dana Smith from the Rotterdam office\nRegion: South; Quarter: Q1; Revenue: 95,000 euros; Owner: Alex Jones';
    expect(roles(rows).map(([, text]) => text)).toEqual(rows.split('\n'));
    expect(roles('How do I reset my password?\nGo to Settings and choose Reset password.')).toEqual([
      ['question', 'How do I reset my password?'],
      ['answer', 'Go to Settings and choose Reset password.'],
    ]);
    expect(roles('## Installing the command line tool on a new machine\nRun the installer and restart the shell.')[0]).toEqual(['heading', 'Installing the command line tool on a new machine']);
    expect(roles('Install it with\n    brew install tidyphotos\nand restart the shell.').map(([, text]) => text)).toEqual(['Install it with', 'brew install tidyphotos', 'and restart the shell.']);
    expect(roles('Install it with\n```\nbrew install tidyphotos --with-all-the-optional-extras-enabled\nand then run it\n```').map(([, text]) => text)).toEqual([
      'Install it with',
      'brew install tidyphotos --with-all-the-optional-extras-enabled',
      'and then run it',
    ]);
  });
});

describe('sentencesOf over tables', () => {
  it('reads each row of a markdown table as a sentence naming its cells by the header', () => {
    const table = 'Brightdesk has three plans.\n\n| Plan | Price per month | Storage |\n|------|:---------------:|--------:|\n| Basic | 10 euros | 5 GB |\n| **Pro** | 25 euros | |\n\nPrices exclude VAT.';
    expect(quotable(table)).toEqual([
      'Brightdesk has three plans.',
      'Plan: Basic; Price per month: 10 euros; Storage: 5 GB',
      'Plan: Pro; Price per month: 25 euros',
      'Prices exclude VAT.',
    ]);
  });

  it('reads rows whose header is in another chunk as their cells', () => {
    expect(quotable('| Enterprise | 60 euros | 1 TB |\n| Team | 40 euros | 500 GB |')).toEqual(['Enterprise; 60 euros; 1 TB', 'Team; 40 euros; 500 GB']);
  });

  it("quotes a parsed table's rows however short (\"Branch: Mill Lane; Saturday: closed\"), never as headings", () => {
    expect(roles('Opening hours\nBranch: Harbour Street; Saturday: closed\nBranch: Mill Lane; Saturday: open')).toEqual([
      ['heading', 'Opening hours'],
      ['answer', 'Branch: Harbour Street; Saturday: closed'],
      ['answer', 'Branch: Mill Lane; Saturday: open'],
    ]);
  });
});

describe('sentencesOf over numbered sections and Q&A lists', () => {
  it('reads a numbered section title over its paragraph as a heading, and keeps a numbered list a list', () => {
    const policy = '1. INTRODUCTION\nThis policy covers all staff.\n2. ANNUAL LEAVE\n2.1 Entitlement\nFull-time staff receive 27 days of paid leave per year.\nIV. Termination\nEither side may end the contract with one month of notice.';
    expect(roles(policy)).toEqual([
      ['heading', 'INTRODUCTION'],
      ['answer', 'This policy covers all staff.'],
      ['heading', 'ANNUAL LEAVE'],
      ['heading', 'Entitlement'],
      ['answer', 'Full-time staff receive 27 days of paid leave per year.'],
      ['heading', 'Termination'],
      ['answer', 'Either side may end the contract with one month of notice.'],
    ]);
    const sentences = sentencesOf([passage(policy)]);
    const entitlement = sentences.find((sentence) => sentence.text.startsWith('Full-time'));
    expect(sentences[entitlement?.lead ?? -1]?.text).toBe('Entitlement');
    expect(quotable('To restart the router:\n1. Unplug the power cable\n2. Wait ten seconds\n3. Plug it back in')).toEqual(['To restart the router:', 'Unplug the power cable', 'Wait ten seconds', 'Plug it back in']);
  });

  it('drops the "Q:" and "A:" labels of an FAQ, so the question leads the answer below it', () => {
    const faq = 'Q: How do I reset my password?\nA: Open Settings, choose Security and click Reset password.\nQuestion: Can I export my notes?\nAnswer: Yes, as Markdown or PDF.';
    expect(roles(faq)).toEqual([
      ['question', 'How do I reset my password?'],
      ['answer', 'Open Settings, choose Security and click Reset password.'],
      ['question', 'Can I export my notes?'],
      ['answer', 'Yes, as Markdown or PDF.'],
    ]);
  });
});

describe('sentencesOf over "Label: value" lines', () => {
  it('quotes each line of contact details or a spec sheet as a fact, never as a heading, and never runs two into one', () => {
    const spec = 'Harbourside contact details\n\nWater tank: 1.8 litres\nColour options: black, silver and red\nParking: free for patients behind the building\nSupport hours: weekdays only';
    expect(roles(spec)).toEqual([
      ['heading', 'Harbourside contact details'],
      ['answer', 'Water tank: 1.8 litres'],
      ['answer', 'Colour options: black, silver and red'],
      ['answer', 'Parking: free for patients behind the building'],
      ['answer', 'Support hours: weekdays only'],
    ]);
  });

  it("reads an email's header lines as its heading, not as facts to quote", () => {
    const email = 'From: Dana Smith <dana@northwind.example>\nSubject: Offsite planning\nDate: 3 March 2025\n\nThe spring offsite is on 14 May in Utrecht.';
    expect(roles(email)).toEqual([
      ['heading', 'From: Dana Smith <dana@northwind.example>'],
      ['heading', 'Subject: Offsite planning'],
      ['heading', 'Date: 3 March 2025'],
      ['answer', 'The spring offsite is on 14 May in Utrecht.'],
    ]);
  });
});
