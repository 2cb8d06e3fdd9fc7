import { describe, expect, it } from 'vitest';
import { contentTerms } from './lexical';
import { lowerCaseNamesIn, namesIn, namesMissingFrom } from './names';
import { focusQuestion } from './question';

describe('names in a question', () => {
  it('reads capitalised words inside a sentence as names, possessives dropped', () => {
    expect(namesIn('How many vacation days do contractors get in Canada?')).toEqual(['Canada']);
    expect(namesIn("Is there a gym at Northwind's office? Ask Priya Nair.")).toEqual(['Northwind', 'Priya', 'Nair']);
  });

  it('ignores first words, weekdays, months, acronyms, codes and Title Case messages', () => {
    expect(namesIn('Where is the office?')).toEqual([]);
    expect(namesIn('Is the clinic open on Saturday in June?')).toEqual([]);
    expect(namesIn('How do I set up 2FA in ChatGPT with my SSN?')).toEqual([]);
    expect(namesIn('How Do I Reset My Password?')).toEqual([]);
    // A question word left mid-sentence when a pasted phone number is taken out is no name.
    expect(namesIn('(call me back on How often should I descale the machine?')).toEqual([]);
  });

  it('finds the names no text mentions, as written or stemmed', () => {
    const texts = ['Lisbon City Guide', 'Portugal uses the euro. Lisbon has seven hills.'];
    const terms = new Set(texts.flatMap((text) => contentTerms(text)));
    expect(namesMissingFrom('What time does the Lisbon Oceanarium open?', texts, terms)).toEqual(['Oceanarium']);
    expect(namesMissingFrom('Which currency does Portugal use in Lisbon?', texts, terms)).toEqual([]);
    // Stemmed: "Lisbon's" in the question, the guide's own word as a term.
    expect(namesMissingFrom("Where are Lisbon's hills?", ['Seven hills.'], new Set(['lisbon']))).toEqual([]);
  });

  it('checks only the sentences that ask: names in a preamble describe the asker, not the question', () => {
    const kennel = ['Oakleigh Farm Dog Boarding FAQ', 'If your dog has an allergy, we only feed your dog the food you bring.'];
    const terms = new Set(kennel.flatMap((text) => contentTerms(text)));
    const message = "We're off to Crete for a fortnight. Our neighbour usually looks after Rufus. He has a chicken allergy. Can you manage that?";
    const focus = focusQuestion(message);
    expect(focus.question).toBe('Can you manage that?');
    // The preamble stays in the focused text as the short question's context; only its names are not asked about.
    expect(focus.text).toContain('Rufus');
    expect(namesMissingFrom(focus.question, kennel, terms)).toEqual([]);
    // The asking sentence's own names still count.
    expect(namesMissingFrom(focusQuestion('I read your FAQ. Do you board dogs from Cornwall?').question, kennel, terms)).toEqual(['Cornwall']);
  });

  it('reads the names of an all-lower-case question from how the passages write its words', () => {
    const passages = ['When your Brightdesk trial ends, the workspace becomes read-only.', 'Every trial ends after 21 days. Ask Tom for an extension; only Tom can grant one.'];
    expect(lowerCaseNamesIn('quick question - what happens when the brightdesk trial ends??', passages)).toEqual(['brightdesk']);
    expect(lowerCaseNamesIn('can tom extend my trial', passages)).toEqual(['tom']);
    // A word the passages also write in lower case mid-sentence is a common word; a question with capitals has its own.
    expect(lowerCaseNamesIn('when does the trial end', ['The Trial ends soon, and the trial is free.'])).toEqual([]);
    expect(lowerCaseNamesIn('What happens when the brightdesk trial ends?', passages)).toEqual([]);
  });
});
