// Password strength for new passwords: at least PASSWORD_MIN_LENGTH characters and a zxcvbn
// score of at least PASSWORD_MIN_SCORE (@zxcvbn-ts with its common and English dictionaries),
// with zxcvbn's own warning and suggestions as feedback a person can act on.
//
// zxcvbn is synchronous and, on hostile input, slow (seconds for 200 crafted characters), so it
// runs in a worker thread and never on the event loop: one thread per process, started on first
// use (loading the dictionaries takes a few hundred ms), estimates run one after another, and a
// hard deadline ends a stuck thread. Only the first MAX_CHECKED_CHARS are estimated: a longer
// password is at least as strong as its beginning.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE, type PasswordFeedback } from '@switchyard/client';
import { AppError } from '../errors';

const MAX_CHECKED_CHARS = 64;
const DEADLINE_MS = 10_000;

interface Estimate {
  score: number;
  warning: string | null;
  suggestions: string[];
}

/**
 * The thread's code, plain JavaScript so it runs the same from source (vitest, tsx) and from the
 * bundle. It loads zxcvbn from paths resolved here, in the API's own node_modules.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const core = require(workerData.core);
const common = require(workerData.common);
const en = require(workerData.en);
const zxcvbn = new core.ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});
parentPort.on('message', ({ id, password, userInputs }) => {
  const result = zxcvbn.check(password, userInputs);
  parentPort.postMessage({ id, score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions });
});
`;

class StrengthThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (estimate: Estimate) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  estimate(password: string, userInputs: string[]): Promise<Estimate> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Estimate>((resolve, reject) => {
      // The deadline covers waiting behind earlier estimates too; a thread this slow is stuck.
      const timer = setTimeout(() => this.fail(new AppError('password_check_unavailable', 503, 'the password could not be checked in time; try again'), true), DEADLINE_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, password, userInputs });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { core: require.resolve('@zxcvbn-ts/core'), common: require.resolve('@zxcvbn-ts/language-common'), en: require.resolve('@zxcvbn-ts/language-en') },
    });
    worker.on('message', (message: Estimate & { id: number }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(message.id);
      waiting.resolve({ score: message.score, warning: message.warning, suggestions: message.suggestions });
    });
    worker.on('error', (error) => this.fail(error, false));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.fail(new Error('the password strength thread stopped'), false);
    });
    worker.unref(); // after the listeners (a 'message' listener refs it): an idle thread never keeps the process alive
    this.worker = worker;
    return worker;
  }

  /** Rejects every waiting estimate; the next one starts a fresh thread. */
  private fail(error: Error, terminate: boolean): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
    if (terminate) void worker?.terminate();
  }
}

const thread = new StrengthThread();

/** The email, its local part and their words: what a password should not be built from. */
function userInputsOf(email: string | undefined): string[] {
  if (!email) return [];
  const lower = email.toLowerCase();
  const parts = lower.split(/[@.+_-]/).filter((part) => part.length >= 3);
  return [lower, lower.split('@')[0] ?? '', ...parts].filter(Boolean);
}

/** zxcvbn's judgement of a password, plus the length rule, as the feedback a form shows. */
export async function passwordFeedback(password: string, email?: string): Promise<PasswordFeedback> {
  const length = [...password].length;
  const { score, warning, suggestions } = await thread.estimate(password.slice(0, MAX_CHECKED_CHARS), userInputsOf(email));
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters (it has ${length})`);
  if (score < PASSWORD_MIN_SCORE) problems.push(`password is too easy to guess${warning ? `: ${warning}` : ''}`);
  return {
    fields: problems.map((message) => ({ path: 'password', message })),
    score,
    minScore: PASSWORD_MIN_SCORE,
    minLength: PASSWORD_MIN_LENGTH,
    warning: length < PASSWORD_MIN_LENGTH && !warning ? `Use at least ${PASSWORD_MIN_LENGTH} characters.` : warning,
    suggestions: suggestions.length > 0 || score >= PASSWORD_MIN_SCORE ? suggestions : ['Use a few words that do not belong together, or a password manager.'],
  };
}

/** Throws 400 `weak_password` with the feedback in `details` unless the password is strong enough. */
export async function assertStrongPassword(password: string, email?: string): Promise<void> {
  const feedback = await passwordFeedback(password, email);
  if (feedback.fields.length === 0) return;
  throw new AppError('weak_password', 400, feedback.fields.map((field) => field.message).join('; '), feedback);
}
