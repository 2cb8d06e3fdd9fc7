// The secret table carries secretlint's recommended rules: whatever secretlint itself reports in a
// generated key, the detectors must report too; and documented example values stay public.
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../test/obfuscate';
import { findSensitive } from '../sensitivity';

const r = seeded(12);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const s = (alphabet: string, n: number) => r.chars(alphabet, n);

/** One key per scanner of the preset, in the shape its own rule describes. */
const SAMPLES: Record<string, () => string> = {
  aws_secret: () => `AWS_SECRET_ACCESS_KEY=${s(ALNUM + '/+', 40)}`,
  github_classic: () => `token ${r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'])}_${s(ALNUM, 36)}`,
  github_fine_grained: () => `github_pat_${s(ALNUM + '_', 82)}`,
  gitlab: () => `glpat-${s(ALNUM + '_-', 20)}`,
  grafana: () => `glsa_${s(ALNUM, 32)}_${s(HEX, 8)}`,
  slack: () => `xoxb-${s('0123456789', 12)}-${s('0123456789', 13)}-${s(ALNUM, 24)}`,
  slack_webhook: () => `https://hooks.slack.com/services/T${s(ALNUM, 10)}/B${s(ALNUM, 10)}/${s(ALNUM, 24)}`,
  sendgrid: () => `SG.${s(ALNUM + '_-', 22)}.${s(ALNUM + '_-', 43)}`,
  shopify: () => `shpat_${s(HEX, 32)}`,
  stripe: () => `${r.pick(['sk_live', 'rk_live', 'sk_test'])}_${s(ALNUM, 24)}`,
  openai: () => `sk-proj-${s(ALNUM + '_-', 74)}T3BlbkFJ${s(ALNUM + '_-', 74)}`,
  anthropic: () => `sk-ant-api03-${s(ALNUM + '_-', 93)}AA`,
  groq: () => `gsk_${s(ALNUM, 52)}`,
  huggingface: () => `hf_${s('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
  linear: () => `lin_api_${s(ALNUM, 40)}`,
  notion: () => `ntn_${s('0123456789', 11)}${s(ALNUM, 35)}`,
  vault: () => `hvs.${s(ALNUM + '_-', 95)}`,
  vercel: () => `vcp_${s(ALNUM, 24)}`,
  databricks: () => `dapi${s(HEX, 32)}`,
  docker: () => `dckr_pat_${s(ALNUM + '_-', 27)}`,
  figma: () => `figd_${s(ALNUM + '_-', 40)}`,
  cloudflare: () => `cfut_${s(ALNUM, 40)}${s(HEX, 8)}`,
  tailscale: () => `tskey-auth-${s(ALNUM, 12)}-${s(ALNUM, 30)}`,
  npm: () => `npm_${s(ALNUM, 36)}`,
  basic_auth: () => `https://admin:${s(ALNUM, 14)}@api.internal-${s('abcdefgh', 5)}.com/v1`,
  mongodb: () => `mongodb+srv://app:${s(ALNUM, 12)}@cluster0.${s('abcdefgh', 6)}.mongodb.net/prod`,
  postgres: () => `postgres://svc:${s(ALNUM, 12)}@db.${s('abcdefgh', 6)}.internal:5432/app`,
};

async function secretlintFinds(content: string): Promise<boolean> {
  const result = await lintSource({
    source: { filePath: '/virtual/sample.txt', content, ext: '.txt', contentType: 'text' },
    options: { config: { rules: [{ id: recommended.meta.id, rule: recommended }] } },
  });
  return result.messages.length > 0;
}

describe('parity with secretlint-rule-preset-recommend', () => {
  it('flags every key secretlint flags', async () => {
    const reportedBySecretlint: string[] = [];
    const missed: string[] = [];
    for (const [name, make] of Object.entries(SAMPLES)) {
      for (let i = 0; i < 3; i++) {
        const sample = `Here it is: ${make()} — why does it fail?`;
        if (!(await secretlintFinds(sample))) continue;
        reportedBySecretlint.push(name);
        if (!findSensitive(sample).some((f) => f.kind.startsWith('secret.'))) missed.push(`${name}: ${sample}`);
      }
    }
    // The comparison means something only if secretlint recognised most of the samples.
    expect(new Set(reportedBySecretlint).size).toBeGreaterThan(Object.keys(SAMPLES).length * 0.7);
    expect(missed).toEqual([]);
  }, 60_000);

  it('honours the documented AWS example values that secretlint itself allows', async () => {
    for (const sample of ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']) {
      expect(await secretlintFinds(sample)).toBe(false);
      expect(findSensitive(sample)).toEqual([]);
    }
  });
});
