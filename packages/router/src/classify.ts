import { estimateComplexity } from './complexity';
import { findSensitive, findSensitiveInConversation, maxSensitivity, toSignals } from './sensitivity';
import type { Classification, ClassifyInput, Signal } from './types';

/**
 * Effective sensitivity = the highest of the declared level, what the detectors find in the
 * conversation (the message, and all turns read together so that something split across turns is
 * found too) and the labels of the context chunks. Complexity = declared, else estimated from the
 * message.
 */
export function classify(input: ClassifyInput): Classification {
  const signals: Signal[] = toSignals(findSensitive(input.message), 'message');
  const history = input.history ?? [];
  if (history.length > 0) {
    const seen = new Set(signals.map((s) => s.kind));
    const conversation = findSensitiveInConversation([...history.map((turn) => turn.content), input.message]);
    signals.push(...toSignals(conversation.filter((finding) => !seen.has(finding.kind)), 'conversation history'));
  }
  const contextLevel = maxSensitivity(...(input.contextSensitivities ?? []));
  if (contextLevel !== 'public') {
    signals.push({ kind: `context.${contextLevel}`, sensitivity: contextLevel, reason: `context holds ${contextLevel === 'internal' ? 'an internal' : 'a confidential'} document` });
  }
  const detected = maxSensitivity(...signals.map((s) => s.sensitivity));
  const declared = input.declaredSensitivity;
  if (declared && declared !== 'public') {
    signals.push({ kind: `declared.${declared}`, sensitivity: declared, reason: `the request was declared ${declared}` });
  }
  if (declared && maxSensitivity(declared, detected) !== declared) {
    signals.push({ kind: 'declared.overridden', reason: `declared ${declared} cannot lower the detected level (${detected})` });
  }
  const sensitivity = maxSensitivity(declared, detected);

  const earlierAsks = history.filter((turn) => turn.role === 'user').map((turn) => turn.content);
  const estimate = estimateComplexity(input.message, earlierAsks);
  if (input.declaredComplexity) {
    signals.push({ kind: `complexity.declared`, reason: `complexity was declared ${input.declaredComplexity}` });
  } else {
    signals.push(...estimate.signals);
  }
  return {
    sensitivity,
    complexity: input.declaredComplexity ?? estimate.complexity,
    complexityScore: estimate.score,
    signals,
  };
}
