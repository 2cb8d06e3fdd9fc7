// The routing policy at run time: view it, replace it (versioned; checked by the router's own
// policy schema, the one ROUTER_POLICY_FILE is read with, and against the providers configured),
// go back to the environment's, and dry-run a candidate over the last routed requests.
import type { PolicyDryRunResponse, PolicyResponse, PolicyVersionsResponse, RouteOutcome } from '@switchyard/client';
import { defaultTiers, policyConfigSchema, RouterError, type Classification, type PolicyConfig, type Router } from '@switchyard/router';
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { fieldErrors } from '../errors';
import type { DecisionLog } from './decision-log';
import type { PolicyStore } from './policy-store';
import type { RouterConfigSync } from './router-config';

export interface PolicyServiceDeps {
  router: Router;
  store: PolicyStore;
  sync: RouterConfigSync;
  decisions: DecisionLog;
}

const invalid = (message: string, fields: { path: string; message: string }[] = []) =>
  new AppError('invalid_policy', 400, message, fields.length > 0 ? { fields } : undefined);

export class PolicyService {
  constructor(private readonly deps: PolicyServiceDeps) {}

  /** The policy in force, its version and source, and each tier's chain as the router resolves it. */
  async get(): Promise<PolicyResponse> {
    const stored = await this.deps.store.read();
    const policy = stored.policy ?? this.deps.sync.base.policy;
    return {
      version: stored.version,
      source: stored.policy ? 'admin' : 'environment',
      policy,
      tiers: this.deps.router.tiers(policyConfigSchema.parse(policy)),
      ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
      ...(stored.updatedBy ? { updatedBy: stored.updatedBy } : {}),
    };
  }

  /**
   * A policy document checked as the router reads it, and against what is configured: every tier
   * a rule names must exist, and every chain entry must name a configured provider and one of its
   * models. What the router could not honour is refused, never dropped.
   */
  parse(document: Record<string, unknown>): PolicyConfig {
    let policy: PolicyConfig;
    try {
      policy = policyConfigSchema.parse(document);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const fields = fieldErrors(error).map((field) => ({ ...field, path: field.path === '(body)' ? 'policy' : `policy.${field.path}` }));
      throw invalid(`the policy is not valid: ${fields.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
    }
    const providers = this.deps.router.currentConfig().providers;
    const tiers = policy.tiers ?? defaultTiers(providers);
    const unknownEntries = Object.entries(policy.tiers ?? {}).flatMap(([tier, entries]) =>
      entries
        .filter((entry) => {
          const colon = entry.indexOf(':');
          const provider = providers.find((p) => p.id === (colon === -1 ? entry : entry.slice(0, colon)));
          return !provider || (colon !== -1 && !provider.models.includes(entry.slice(colon + 1)));
        })
        .map((entry) => ({ path: `policy.tiers.${tier}`, message: `"${entry}" is not a configured provider or one of its models` })),
    );
    if (unknownEntries.length > 0) throw invalid(`tiers name providers or models that are not configured: ${unknownEntries.map((f) => f.message).join('; ')}`, unknownEntries);
    const missingTiers = policy.rules
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule }) => !(rule.tier in tiers))
      .map(({ rule, index }) => ({ path: `policy.rules.${index}.tier`, message: `no tier "${rule.tier}"; tiers are ${Object.keys(tiers).join(', ')}` }));
    if (missingTiers.length > 0) throw invalid(`rules name tiers that do not exist: ${missingTiers.map((f) => f.message).join('; ')}`, missingTiers);
    return policy;
  }

  async replace(document: Record<string, unknown>, by: string, expectedVersion?: number): Promise<PolicyResponse> {
    const policy = this.parse(document);
    const result = await this.deps.store.change(policy, by, expectedVersion);
    if (!result.ok) {
      throw new AppError('policy_version_conflict', 409, `the policy changed meanwhile (version ${result.version}, you had ${expectedVersion}); reload it and apply your change again`, {
        version: result.version,
      });
    }
    await this.deps.sync.changed();
    return this.get();
  }

  /** Back to the environment's policy (ROUTER_POLICY_FILE or the built-in default). */
  async reset(by: string, expectedVersion?: number): Promise<PolicyResponse> {
    const result = await this.deps.store.change(null, by, expectedVersion);
    if (!result.ok) throw new AppError('policy_version_conflict', 409, `the policy changed meanwhile (version ${result.version})`, { version: result.version });
    await this.deps.sync.changed();
    return this.get();
  }

  async versions(): Promise<PolicyVersionsResponse> {
    return { versions: await this.deps.store.history() };
  }

  /** How the last `limit` routed requests route under the policy in force and under `document`. */
  async dryRun(document: Record<string, unknown>, limit: number): Promise<PolicyDryRunResponse> {
    const proposedPolicy = this.parse(document);
    const currentPolicy = this.deps.router.currentConfig().policy;
    const records = await this.deps.decisions.recent(limit);
    const current: Record<string, number> = {};
    const proposed: Record<string, number> = {};
    const count = (into: Record<string, number>, outcome: RouteOutcome) => {
      const key = 'tier' in outcome ? outcome.tier : `error: ${outcome.error}`;
      into[key] = (into[key] ?? 0) + 1;
    };
    let changed = 0;
    const requests = records.map((record) => {
      const classification: Classification = {
        sensitivity: record.sensitivity,
        complexity: record.complexity,
        complexityScore: record.complexityScore,
        signals: record.signals,
      };
      const opts = { contextTokens: record.contextTokens, ...(record.requestedModel ? { requestedModel: record.requestedModel } : {}) };
      const now = this.outcome(currentPolicy, classification, opts);
      const next = this.outcome(proposedPolicy, classification, opts);
      const differs = JSON.stringify(now.outcome) !== JSON.stringify(next.outcome);
      if (differs) changed += 1;
      count(current, now.outcome);
      count(proposed, next.outcome);
      return {
        at: record.at,
        sensitivity: record.sensitivity,
        complexity: record.complexity,
        contextTokens: record.contextTokens,
        ...(record.requestedModel ? { requestedModel: record.requestedModel } : {}),
        then: record.outcome,
        current: now.outcome,
        proposed: next.outcome,
        changed: differs,
        reasons: next.reasons,
      };
    });
    return { considered: records.length, changed, current, proposed, requests };
  }

  private outcome(policy: PolicyConfig, classification: Classification, opts: { contextTokens: number; requestedModel?: string }): { outcome: RouteOutcome; reasons: string[] } {
    try {
      const decision = this.deps.router.decideWith(policy, classification, opts);
      return { outcome: { tier: decision.tier, provider: decision.provider, model: decision.model }, reasons: decision.reasons };
    } catch (error) {
      if (error instanceof RouterError) return { outcome: { error: error.code }, reasons: [error.message] };
      throw error;
    }
  }
}
