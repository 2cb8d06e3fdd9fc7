// Shapes of the labelled conversations: the complexity of a message judged with the turns before it.
import type { Complexity } from '../../../src/types';

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface LabelledConversation {
  /** The turns before the message, oldest first. Assistant turns are plausible replies, often abridged. */
  turns: Turn[];
  /** The new user message whose complexity is judged. */
  message: string;
  /** What a good answer to `message` needs, given the turns before it (rubric in ../README.md). */
  label: Complexity;
}
