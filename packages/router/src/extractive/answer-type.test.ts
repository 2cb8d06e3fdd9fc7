import { describe, expect, it } from 'vitest';
import { answerTypeOf, askedThing, asksForBound, holdsAnswerType, statesBound } from './answer-type';

describe('answerTypeOf', () => {
  it('reads the kind of fact a question wants from its question words', () => {
    expect(answerTypeOf('How big is the water reservoir?')).toBe('amount');
    expect(answerTypeOf('how many ppl can edit a shared notebook at once')).toBe('amount');
    expect(answerTypeOf('What number do I call in an emergency?')).toBe('amount');
    expect(answerTypeOf('When is Parcelly API v1 being shut down?')).toBe('time');
    expect(answerTypeOf('What does Tom need to deliver and by when?')).toBe('time');
    expect(answerTypeOf('What date does the lease start?')).toBe('time');
    expect(answerTypeOf('How do I reset my password?')).toBeUndefined();
    expect(answerTypeOf('Who fixes the boiler?')).toBeUndefined();
  });

  it('reads it from the thing a what/which question names, and from words like "largest" in it', () => {
    expect(answerTypeOf('What Rust version does tidyphotos need?')).toBe('amount');
    expect(answerTypeOf("What's the largest file I can attach on the free plan?")).toBe('amount');
    expect(answerTypeOf('What is the deadline for the grant application?')).toBe('time');
    expect(answerTypeOf('What are the drop-off and collection times?')).toBe('time');
    expect(answerTypeOf('What kind of power plugs does Portugal use?')).toBeUndefined();
    expect(answerTypeOf('Which documents mention pricing?')).toBeUndefined();
  });

  it('wants a rate for how often something happens or a rate the question names', () => {
    expect(answerTypeOf('How often should I descale the machine?')).toBe('rate');
    expect(answerTypeOf('What is the rate limit of the Parcelly API?')).toBe('rate');
    expect(answerTypeOf("what's the interest rate on late payments")).toBe('rate');
  });
});

describe('holdsAnswerType', () => {
  it('finds numbers for amounts and dates, times or periods for times', () => {
    expect(holdsAnswerType('The tank holds 1.8 litres.', 'amount')).toBe(true);
    expect(holdsAnswerType('Up to fifty editors can work at once.', 'amount')).toBe(true);
    expect(holdsAnswerType('Fill the tank with fresh cold water.', 'amount')).toBe(false);
    expect(holdsAnswerType('Version 1 will be retired at the end of December.', 'time')).toBe(true);
    expect(holdsAnswerType('The clinic is closed at weekends.', 'time')).toBe(true);
    expect(holdsAnswerType('The landlord is responsible for the boiler.', 'time')).toBe(false);
  });

  it('finds a rate only where a number or frequency comes with what makes it one', () => {
    expect(holdsAnswerType('Each API key may make 100 requests per minute.', 'rate')).toBe(true);
    expect(holdsAnswerType('Descale the machine every 3 months.', 'rate')).toBe(true);
    expect(holdsAnswerType('Water it twice a week in summer.', 'rate')).toBe(true);
    expect(holdsAnswerType('Bins are collected weekly.', 'rate')).toBe(true);
    expect(holdsAnswerType('Late payments carry interest of 1% a month.', 'rate')).toBe(true);
    // A number alone is no rate: a status code, a count.
    expect(holdsAnswerType('Over the limit the API answers with status 429.', 'rate')).toBe(false);
    expect(holdsAnswerType('The machine has 2 boilers.', 'rate')).toBe(false);
  });
});

describe('askedThing', () => {
  it('finds the thing a what/which question asks for', () => {
    expect(askedThing('What is the IT Service Desk extension?')).toBe('extension');
    expect(askedThing('What Rust version does tidyphotos need?')).toBe('version');
    expect(askedThing('What kind of power plugs does Portugal use?')).toBe('plugs');
    expect(askedThing("What's the hotel limit in Paris?")).toBe('limit');
    expect(askedThing("What is the council's phone number for waste services?")).toBe('number');
  });

  it('names nothing for other questions', () => {
    expect(askedThing('How do I reset my password?')).toBeUndefined();
    expect(askedThing('What should I do?')).toBeUndefined();
    expect(askedThing('What happens if I cancel?')).toBeUndefined();
  });
});

describe('bounds', () => {
  it('tells a question about the largest or smallest allowed, and a sentence that states one', () => {
    expect(asksForBound("What's the largest file I can attach on the free plan?")).toBe(true);
    expect(asksForBound('What is the maximum stay for a dog?')).toBe(true);
    expect(asksForBound('How many guests can I bring at most?')).toBe(true);
    expect(asksForBound('How big is the water tank?')).toBe(false);
    expect(statesBound('Attachments can be up to 25 MB each on the Personal plan.')).toBe(true);
    expect(statesBound('Dogs stay for a maximum of 21 nights.')).toBe(true);
    expect(statesBound('Every new workspace gets a 21-day free trial.')).toBe(false);
  });
});
