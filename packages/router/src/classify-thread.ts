// The entry of a classifier thread (see classifier-pool.ts): classifies what it is given, one task
// at a time, with the same code as the calling thread. Built, this file is dist/classify-thread.js
// beside the app's bundle.
import type { ClassifyInput, Classification, Sensitivity } from './types';
import { classify } from './classify';
import { highestSensitivity } from './sensitivity';

export type ClassifierTask = { kind: 'classify'; input: ClassifyInput } | { kind: 'sensitivity'; texts: string[] };

export type ClassifierTaskResult = { kind: 'classify'; classification: Classification } | { kind: 'sensitivity'; sensitivity: Sensitivity };

export default function classifyInThread(task: ClassifierTask): ClassifierTaskResult {
  if (task.kind === 'classify') return { kind: 'classify', classification: classify(task.input) };
  return { kind: 'sensitivity', sensitivity: highestSensitivity(task.texts) };
}
