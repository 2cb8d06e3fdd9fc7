// Reads the provider form's free-text fields: keys and models one per line (or comma-separated),
// prices as "model input output" lines in USD per million tokens.
import type { ModelPrice } from '@switchyard/client';

export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export interface ParsedPrices {
  prices: Record<string, ModelPrice>;
  /** Lines that are not "model input output" with two non-negative numbers. */
  errors: string[];
}

export function parsePrices(text: string): ParsedPrices {
  const prices: Record<string, ModelPrice> = {};
  const errors: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    const [model, input, output] = parts;
    const inputPerMTok = Number(input);
    const outputPerMTok = Number(output);
    if (parts.length !== 3 || !model || !Number.isFinite(inputPerMTok) || !Number.isFinite(outputPerMTok) || inputPerMTok < 0 || outputPerMTok < 0) {
      errors.push(line);
      continue;
    }
    prices[model] = { inputPerMTok, outputPerMTok };
  }
  return { prices, errors };
}

export function formatPrices(prices: Record<string, ModelPrice>): string {
  return Object.entries(prices)
    .map(([model, price]) => `${model} ${price.inputPerMTok} ${price.outputPerMTok}`)
    .join('\n');
}
