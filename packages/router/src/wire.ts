// The text of a wire-format conversation (/v1): everything in it that leaves the machine when a
// cloud model serves it — text parts, system prompts, tool calls with their arguments, tool
// results, and the tools offered. Classification reads this, so a secret in a tool result or in
// a function argument counts as much as one typed by the user.
import type { ChatTurn, GenerationOptions, WirePart, WireTurn } from './types';

function partsText(content: WireTurn['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part): part is Extract<WirePart, { type: 'text' }> => part.type === 'text')
    .map((part) => part.text)
    .join('\n');
}

/** One turn as text: its content, then each tool call as `name(arguments)`. */
export function turnText(turn: WireTurn): string {
  const calls = (turn.toolCalls ?? []).map((call) => `${call.function.name}(${call.function.arguments})`);
  return [partsText(turn.content), ...calls].filter((text) => text.length > 0).join('\n');
}

/**
 * The conversation as the router's text turns: system and developer prompts as system, tool
 * results as user turns (they are input the model reads), assistant tool calls as their text.
 */
export function wireToChatTurns(turns: WireTurn[]): ChatTurn[] {
  return turns.map((turn) => ({
    role: turn.role === 'tool' ? 'user' : turn.role,
    content: turn.role === 'tool' ? `[tool result${turn.toolCallId ? ` ${turn.toolCallId}` : ''}]\n${turnText(turn)}` : turnText(turn),
  }));
}

/** The tools offered, as text: names, descriptions and argument schemas leave with the request. */
export function toolsText(generation: GenerationOptions | undefined): string {
  return (generation?.tools ?? []).map((tool) => [tool.name, tool.description ?? '', tool.parameters ? JSON.stringify(tool.parameters) : ''].join(' ')).join('\n');
}

/** Everything of a wire conversation and its tools that leaves with the request, as one text. */
export function wireText(turns: WireTurn[], generation?: GenerationOptions): string {
  return [...turns.map(turnText), toolsText(generation)].filter((text) => text.length > 0).join('\n');
}
