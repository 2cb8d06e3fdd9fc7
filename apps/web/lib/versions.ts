// The versions of a conversation at one question: the current messages and the earlier versions
// (branches) that fork at the same place, oldest first, as the "‹ 2 / 3 ›" switcher shows them.
import type { ConversationBranch, Message } from '@switchyard/client';

export interface VersionChoice {
  /** Branch id to activate; null for the version shown now. */
  branchId: string | null;
  createdAt: string;
}

export interface VersionsAt {
  /** Oldest first. */
  choices: VersionChoice[];
  /** Position of the version shown now in `choices`. */
  current: number;
}

/**
 * The versions at `index` of the messages: undefined when there is only one. The current version
 * is the message at `index` (absent when a resend never got its answer stored).
 */
export function versionsAt(messages: readonly Pick<Message, 'createdAt'>[], branches: readonly ConversationBranch[], index: number): VersionsAt | undefined {
  const forks = branches.filter((branch) => branch.forkIndex === index);
  if (forks.length === 0) return undefined;
  const shown = messages[index];
  const choices: VersionChoice[] = [
    ...forks.map((branch) => ({ branchId: branch.id, createdAt: branch.createdAt })),
    ...(shown ? [{ branchId: null, createdAt: shown.createdAt }] : []),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const current = shown ? choices.findIndex((choice) => choice.branchId === null) : choices.length;
  return { choices, current };
}
