// Follow-up questions answered three ways: as if each were the first message (as before the
// conversation was read), searched with the user's earlier questions (`conversationQuery`), and as
// the chat service answers them now: searched so, and read by meaning with those questions too.
import { conversationQuery } from '../../src/extractive/question';
import type { FollowUpQuestion } from './followups';
import { judge, type EvalCorpus } from './harness';
import type { EvalQuestion } from './questions';

export interface FollowUpOutcome {
  followUp: FollowUpQuestion;
  /** Searched and answered as if the follow-up were the first message. */
  alone: boolean;
  /** Searched with the earlier questions, answered from the follow-up alone. */
  searchOnly: boolean;
  /** As the chat service does it: searched and read by meaning with the earlier questions. */
  withConversation: boolean;
  answer: string;
}

export async function runFollowUps(corpus: EvalCorpus, items: readonly FollowUpQuestion[]): Promise<FollowUpOutcome[]> {
  const outcomes: FollowUpOutcome[] = [];
  for (const followUp of items) {
    const question = { question: followUp.question, kind: followUp.expect === null ? 'none' : 'plain', expect: followUp.expect } as EvalQuestion;
    const alone = await corpus.ask(followUp.question);
    const searchFor = conversationQuery(followUp.question, followUp.earlier).query;
    const searched = await corpus.ask(followUp.question, { searchFor });
    const joined = await corpus.ask(followUp.question, { searchFor, earlier: followUp.earlier });
    outcomes.push({
      followUp,
      alone: judge(question, alone.answer),
      searchOnly: judge(question, searched.answer),
      withConversation: judge(question, joined.answer),
      answer: joined.answer,
    });
  }
  return outcomes;
}

export function followUpScore(outcomes: readonly FollowUpOutcome[]) {
  const share = (n: number) => Math.round((n / Math.max(1, outcomes.length)) * 1000) / 1000;
  return {
    questions: outcomes.length,
    searchedAlone: share(outcomes.filter((o) => o.alone).length),
    searchedWithConversation: share(outcomes.filter((o) => o.searchOnly).length),
    searchedAndReadWithConversation: share(outcomes.filter((o) => o.withConversation).length),
  };
}
