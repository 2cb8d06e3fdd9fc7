// Scores the estimator on labelled conversations: the message alone (as routing did before it read
// the conversation) and with the earlier user turns.
import { estimateComplexity } from '../../../src/complexity';
import { score } from '../metrics';
import type { LabelledConversation } from './types';

export function evaluateConversations(items: readonly LabelledConversation[]) {
  const results = items.map((item) => {
    const earlier = item.turns.filter((turn) => turn.role === 'user').map((turn) => turn.content);
    return {
      ...item,
      domain: 'conversation',
      alone: estimateComplexity(item.message).complexity,
      predicted: estimateComplexity(item.message, earlier).complexity,
    };
  });
  const brief = (s: ReturnType<typeof score>) => ({ items: s.items, accuracy: s.accuracy, extremes: s.extremes, recall: s.recall });
  return {
    results,
    messageAlone: brief(score(results.map((r) => ({ ...r, predicted: r.alone })))),
    withConversation: brief(score(results)),
  };
}
