// Shapes shared by the complexity data set, the trainer and the eval.
import type { Complexity } from '../../src/types';

export const DOMAINS = [
  'code',
  'math',
  'writing',
  'analysis',
  'planning',
  'lookup',
  'chitchat',
  'multipart',
  'translation',
  'summarisation',
  'data',
  'science',
  'advice',
  'business',
  'devops',
  'education',
  'multilingual',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Prompts of one domain, grouped by the label the rubric in README.md gives them. */
export type DomainPrompts = Record<Complexity, string[]>;

export interface LabelledPrompt {
  /** `${domain}-${label}-${index}`: stable as long as prompts are only appended. */
  id: string;
  domain: Domain;
  label: Complexity;
  text: string;
  /** 1: data/*.ts (first twelve domains); 2: data/more and four new domains; 3: data/third (hard cases, other languages); 4: data/fourth (everyday topics). */
  batch: number;
  split: 'train' | 'test';
}
