// Noise robustness: extra words must not break an answer. Every plain question the answerer gets
// right is asked again wrapped in each of 26 kinds of noise people add to a chat message (a
// greeting, a pasted email, ticket or phone number, a preamble, a story, a second line, a quoted
// question, a forwarded header, a signature, lower case, chat shorthand, emoji, markdown); the
// share still answered right is reported per wrapper, on the tuning and held-out splits. The wrappers are generic (written without looking at any question), so the held-out
// figure measures the question finder, not the questions.
import { isHeldOut, judge, questions, type EvalCorpus } from './harness';

const lowerCaseBare = (q: string) => q.toLowerCase().replace(/[?.!]+$/, '');
const lowerFirst = (q: string) => `${q.charAt(0).toLowerCase()}${q.slice(1)}`;

export const NOISE_WRAPPERS: Readonly<Record<string, (question: string) => string>> = {
  greeting: (q) => `Hi there! ${q}`,
  thanks: (q) => `${q} Thanks a lot!`,
  email: (q) => `My email is jo.bloggs@example.org. ${q}`,
  ticket: (q) => `Ticket REQ-88213 (customer 77-41-9920): ${q}`,
  phone: (q) => `(call me back on +1 415 555 0134) ${q}`,
  preamble: (q) => `I was reading through the documents this morning and got confused about something. ${q}`,
  story: (q) => `Context: I started last week and my manager is on holiday. ${q} I couldn't find it anywhere.`,
  twoLines: (q) => `Hello team,\n${q}\nCheers, Alex`,
  lowercase: (q) => lowerCaseBare(q),
  casual: (q) => `quick question - ${lowerCaseBare(q)}??`,
  couldYou: (q) => `Could you tell me: ${lowerFirst(q)}`,
  doYouKnow: (q) => `Do you know ${lowerFirst(q)}`,
  iWonder: (q) => `I wonder ${lowerFirst(q).replace(/\?$/, '')}.`,
  quoted: (q) => `My colleague asked me "${q}" and I didn't know.`,
  emoji: (q) => `🙏 ${q} 😊`,
  urgent: (q) => `**URGENT** ${q}`,
  pleaseHelp: (q) => `Please help!! ${q}`,
  numbered: (q) => `Q3: ${q}`,
  bullet: (q) => `- ${q}`,
  noQuestionMark: (q) => q.replace(/\?$/, ''),
  doubleSpaces: (q) => q.replace(/ /g, '  '),
  forwarded: (q) => `From: Dana Smith <dana@corp.example>\nSent: Monday, 3 March 2025 09:12\nSubject: quick one\n\n${q}`,
  signature: (q) => `${q}\n\n--\nJamie Lee | Operations Lead | +44 20 7946 0958 | jamie.lee@corp.example`,
  trailingStory: (q) => `${q} I need it for a report I'm writing for my manager by Friday.`,
  thanksInAdvance: (q) => `${q} thx in advance, appreciate it`,
  longStory: (q) =>
    `So yesterday I was talking to a friend about work and we got into a long discussion about all sorts of things, holidays, the weather, the new coffee machine on the third floor, and the parking situation. Anyway. ${q}`,
};

interface Tally {
  answered: number;
  asked: number;
  share: number;
}

const tally = (answered: number, asked: number): Tally => ({ answered, asked, share: asked === 0 ? 0 : Math.round((answered / asked) * 1000) / 1000 });

/** How many wrapped questions are still answered right, of the plain questions answered right bare. */
export async function noiseRobustness(corpus: EvalCorpus): Promise<{ tuning: Tally; heldOut: Tally; byWrapper: Record<string, { tuning: Tally; heldOut: Tally }> }> {
  const counts = Object.fromEntries(Object.keys(NOISE_WRAPPERS).map((name) => [name, { tuning: [0, 0], heldOut: [0, 0] }])) as Record<string, { tuning: number[]; heldOut: number[] }>;
  for (const question of questions) {
    if (question.kind !== 'plain' || !question.expect) continue;
    if (!judge(question, (await corpus.ask(question.question)).answer)) continue;
    const split = isHeldOut(question) ? 'heldOut' : 'tuning';
    for (const [name, wrap] of Object.entries(NOISE_WRAPPERS)) {
      const slot = (counts[name] as { tuning: number[]; heldOut: number[] })[split];
      slot[1] = (slot[1] ?? 0) + 1;
      if (judge(question, (await corpus.ask(wrap(question.question))).answer)) slot[0] = (slot[0] ?? 0) + 1;
    }
  }
  const sum = (split: 'tuning' | 'heldOut', i: number) => Object.values(counts).reduce((total, c) => total + (c[split][i] ?? 0), 0);
  return {
    tuning: tally(sum('tuning', 0), sum('tuning', 1)),
    heldOut: tally(sum('heldOut', 0), sum('heldOut', 1)),
    byWrapper: Object.fromEntries(Object.entries(counts).map(([name, c]) => [name, { tuning: tally(c.tuning[0] ?? 0, c.tuning[1] ?? 0), heldOut: tally(c.heldOut[0] ?? 0, c.heldOut[1] ?? 0) }])),
  };
}
