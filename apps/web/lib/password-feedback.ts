// What the sign-up form shows when the server refuses a password as weak (400 weak_password):
// the rules it missed, zxcvbn's warning and its suggestions, in plain sentences.
import { ApiError, passwordFeedbackSchema } from '@switchyard/client';

export interface PasswordAdvice {
  /** What is wrong, one sentence per rule missed ("Use at least 12 characters (it has 8)."). */
  problems: string[];
  /** How to do better. */
  suggestions: string[];
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

export function passwordAdvice(error: unknown): PasswordAdvice | null {
  if (!(error instanceof ApiError) || error.code !== 'weak_password') return null;
  const parsed = passwordFeedbackSchema.safeParse(error.details);
  if (!parsed.success) return { problems: [sentence(error.message)], suggestions: [] };
  const feedback = parsed.data;
  const problems = feedback.fields.map((field) => sentence(field.message.replace(/^password /, 'the password ')));
  const suggestions = [...(feedback.warning && !problems.some((p) => p.includes(feedback.warning!)) ? [feedback.warning] : []), ...feedback.suggestions].map(sentence);
  return { problems, suggestions };
}
