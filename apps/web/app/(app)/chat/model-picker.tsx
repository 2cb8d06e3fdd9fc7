'use client';
// The model choice of the composer, within what the routing policy allows: the policy maps a
// question's complexity to a tier and a model, so the picker offers one entry per distinct model
// the policy would use (asked of POST /api/route, which calls no model), plus "Automatic".
// Choosing one sends that complexity with the question; sensitivity still decides where it may go.
import type { Complexity, ManagedProvider, Route, Sensitivity } from '@switchyard/client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api';

const LEVELS: Complexity[] = ['simple', 'moderate', 'complex'];
const levelNames: Record<Complexity, string> = { simple: 'Fast', moderate: 'Balanced', complex: 'Strongest' };
/** What the decision is asked about: any short text; only the declared levels matter. */
const PROBE_MESSAGE = 'Which model would answer this?';

export interface ModelChoice {
  complexity: Complexity;
  label: string;
  route: Route;
}

/** One entry per distinct provider:model the policy routes the three complexities to. */
export function distinctChoices(routes: { complexity: Complexity; route: Route }[]): ModelChoice[] {
  const seen = new Set<string>();
  const choices: ModelChoice[] = [];
  for (const { complexity, route } of routes) {
    const key = `${route.provider}:${route.model}`;
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push({ complexity, route, label: `${levelNames[complexity]} · ${route.model}` });
  }
  return choices;
}

/**
 * The choices per declared sensitivity, asked once per page load: the policy seldom changes, and
 * every visit to the chat would otherwise cost three decisions.
 */
const choicesBySensitivity = new Map<Sensitivity | '', Promise<ModelChoice[]>>();

function choicesFor(sensitivity: Sensitivity | ''): Promise<ModelChoice[]> {
  let pending = choicesBySensitivity.get(sensitivity);
  if (!pending) {
    pending = Promise.allSettled(
      LEVELS.map(async (complexity) => ({
        complexity,
        route: (await api.route({ message: PROBE_MESSAGE, complexity, useDocuments: false, ...(sensitivity ? { sensitivity } : {}) })).route,
      })),
    ).then((results) => {
      const routes = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      // Nothing answered (offline, signed out): ask again next time.
      if (routes.length === 0) choicesBySensitivity.delete(sensitivity);
      return distinctChoices(routes);
    });
    choicesBySensitivity.set(sensitivity, pending);
  }
  return pending;
}

export function ModelPicker({
  value,
  onChange,
  sensitivity,
  disabled,
}: {
  value: Complexity | '';
  onChange: (value: Complexity | '') => void;
  sensitivity: Sensitivity | '';
  disabled?: boolean;
}) {
  const [choices, setChoices] = useState<ModelChoice[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    void choicesFor(sensitivity).then((found) => {
      if (!cancelled) setChoices(found);
    });
    return () => {
      cancelled = true;
    };
  }, [sensitivity]);

  // A choice the policy no longer offers (another sensitivity) falls back to automatic.
  useEffect(() => {
    if (value && choices && !choices.some((choice) => choice.complexity === value)) onChange('');
  }, [choices, value, onChange]);

  return (
    <label className="inline-field">
      <span>Model</span>
      <select value={value} onChange={(event) => onChange(event.target.value as Complexity | '')} disabled={disabled} data-testid="model-picker">
        <option value="">Automatic</option>
        {choices?.map((choice) => (
          <option key={choice.complexity} value={choice.complexity} title={`Tier ${choice.route.tier} · ${choice.route.provider}`}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** True when some enabled provider generates text (not only the built-in extractive responder). */
export function hasGenerativeModel(providers: readonly Pick<ManagedProvider, 'enabled' | 'generative'>[]): boolean {
  return providers.some((provider) => provider.enabled && provider.generative);
}

/** Says that answers are quotes until a language model is connected, and where to connect one. */
export function ExtractiveOnlyBanner({ admin }: { admin: boolean }) {
  return (
    <div className="banner notice" data-testid="extractive-banner">
      <p>
        <strong>Answers are quotes from your documents.</strong> No language model is connected yet, so Switchyard answers with the passages that fit your question
        best, cited.
      </p>
      <p>
        {admin ? (
          <>
            <Link href="/providers">Connect a model on the Providers page</Link> (a local server such as Ollama keeps confidential work on this machine).
          </>
        ) : (
          'An administrator can connect one on the Providers page.'
        )}
      </p>
    </div>
  );
}
