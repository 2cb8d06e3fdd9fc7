import { describe, expect, it } from 'vitest';
import { conversationQuery, earlierContext, focusQuestion, removeIdentifiers, retrievalQuery } from './question';

describe('finding the question in a message', () => {
  it('drops greetings, sign-offs and the story before the question', () => {
    expect(focusQuestion('Hi HR team,\nwhen do I need a doctor\'s note?\nThanks, Sam').text).toBe("when do I need a doctor's note?");
    expect(
      focusQuestion("I'm planning a trip abroad next month and my manager is fine with it. How many days can I work from another country?").text,
    ).toBe('How many days can I work from another country?');
  });

  it('cuts a preamble off at the break before the question word', () => {
    const focus = focusQuestion('My SSN is 123-45-6789, anyway: what is the refund policy?');
    expect(focus.text).toBe('what is the refund policy?');
    expect(focus.identifiers).toContain('123-45-6789');
    expect(focusQuestion('hey, quick q — whats the rate limit on parcelly?? thx').text).toBe('whats the rate limit on parcelly??');
  });

  it('keeps a conditional question whole and a short question with what came before it', () => {
    expect(focusQuestion('If I cancel after two weeks, do I get a refund?').text).toBe('If I cancel after two weeks, do I get a refund?');
    expect(focusQuestion("Hi,\nI'm visiting Lisbon next month.\nIs tipping customary there?").text).toBe("I'm visiting Lisbon next month. Is tipping customary there?");
  });

  it('starts the question where a sentence the splitter missed begins: after a pasted email, an aside or a colon', () => {
    expect(focusQuestion('My email is jo.bloggs@example.org. What does Tom need to deliver and by when?').asked).toBe('What does Tom need to deliver and by when?');
    expect(focusQuestion('(call me back on +1 415 555 0134) How often should I descale the machine?').text).toBe('How often should I descale the machine?');
    // Even a question of one content word: what follows a sentence end is a sentence of its own.
    expect(focusQuestion('Ticket REQ-88213 (customer 77-41-9920): What is the autolyse?').asked).toBe('What is the autolyse?');
    // A bracket inside the question is not an aside in front of it.
    expect(focusQuestion('If I cancel (after two weeks) do I get a refund?').text).toBe('If I cancel (after two weeks) do I get a refund?');
  });

  it('keeps what came before a short question only when the question points back at it', () => {
    expect(focusQuestion('I was reading through the documents this morning and got confused about something. What is the autolyse?').asked).toBe(
      'What is the autolyse?',
    );
    expect(focusQuestion("I'm new here. How long is my probation?").asked).toBe("I'm new here. How long is my probation?");
    expect(focusQuestion('I work part-time. What about weekends?').asked).toBe('I work part-time. What about weekends?');
  });

  it('takes a question quoted inside a statement, and one after "I wonder"', () => {
    expect(focusQuestion('My colleague asked me "What is the autolyse?" and I didn\'t know.').asked).toBe('What is the autolyse?');
    expect(focusQuestion('My colleague asked me “How do I get to Sintra?” and I didn\'t know.').asked).toBe('How do I get to Sintra?');
    // Quoted words inside a question are part of it.
    expect(focusQuestion('What does "net 30" mean in the contract?').asked).toBe('What does "net 30" mean in the contract?');
    expect(focusQuestion('I wonder why the mobile launch was delayed.').asked).toBe('why the mobile launch was delayed.');
  });

  it('takes the question from a cue when it has no question mark', () => {
    expect(focusQuestion('so my puppy chewed the couch lol, but my real question is whether wear and tear is covered').text).toBe('wear and tear is covered');
  });

  it('sorts requests into answers, summaries, dates and mentions, with their topic', () => {
    expect(focusQuestion('How long do refunds take?')).toMatchObject({ intent: 'answer', topic: '' });
    expect(focusQuestion('Summarize my most recent document')).toMatchObject({ intent: 'summary', topic: '' });
    expect(focusQuestion('Summarize the Lisbon travel guide')).toMatchObject({ intent: 'summary', topic: 'Lisbon travel guide' });
    expect(focusQuestion('What are the key dates and deadlines?')).toMatchObject({ intent: 'dates', topic: '' });
    expect(focusQuestion('Which documents mention pricing?')).toMatchObject({ intent: 'mentions', topic: 'pricing' });
  });

  it('searches with the question, identifiers of the question kept, and with the topic for mentions', () => {
    expect(retrievalQuery('Hello! My email is jane@acme.io.\nWhat does error E-4021 mean?')).toBe('What does error E-4021 mean?');
    expect(retrievalQuery('Which documents mention webhooks?')).toBe('webhooks');
  });
});

describe('searching for a follow-up in a conversation', () => {
  const earlier = ['How many vacation days do full-time employees get?'];

  it('searches a follow-up together with the question it leans on', () => {
    for (const message of ['And how many can be carried over?', 'Does it carry over?', 'Up to how much?', 'How long are failed ones retried?', 'what about part-timers?']) {
      expect(conversationQuery(message, earlier).query, message).toBe(`${earlier[0]}\n${retrievalQuery(message)}`);
      expect(earlierContext(message, earlier), message).toBe(earlier[0]);
    }
  });

  it('searches a question that stands on its own, or a first message, alone', () => {
    for (const message of ['How many requests per minute can each API key make?', 'How long is my probation?', 'Is the castle open on Mondays?']) {
      expect(conversationQuery(message, earlier).query, message).toBe(retrievalQuery(message));
    }
    expect(conversationQuery('Does it carry over?', []).query).toBe(retrievalQuery('Does it carry over?'));
  });

  it('follows a chain of follow-ups back to the question that started it, two turns at most', () => {
    expect(earlierContext('Who do I register that with?', ['How many days can I work from home?', 'And from another country?'])).toBe(
      'How many days can I work from home?\nAnd from another country?',
    );
    expect(earlierContext('and then?', ['What is the learning budget?', 'And from another country?', 'and in London?'])).toBe('And from another country?\nand in London?');
  });
});

describe('pasted identifiers', () => {
  it('takes out emails, links, long digit runs and long codes, and keeps short numbers', () => {
    const { text, identifiers } = removeIdentifiers(
      'Card 4111 1111 1111 1111, phone +44 7700 900123, id LN-4482913, mail a.b@c.io, see https://x.example/t/1: is 2,000 euros over the E3 limit in v4.2.0?',
    );
    expect(identifiers).toEqual(['4111 1111 1111 1111', '+44 7700 900123', 'LN-4482913', 'a.b@c.io', 'https://x.example/t/1']);
    expect(text).toContain('2,000 euros over the E3 limit in v4.2.0?');
    expect(text).not.toMatch(/\d{4} \d{4}|4482913|@|https/);
  });

  it('finds the question at the end of a very long pasted message', () => {
    const pasted = `${'!'.repeat(50_000)}a ${'1 '.repeat(20_000)}${'—'.repeat(20_000)} what is the refund policy?`;
    expect(focusQuestion(pasted).text).toBe('what is the refund policy?');
  });
});
