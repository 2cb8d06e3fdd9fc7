export * from './types';
export { classify } from './classify';
export { detectSensitivity, documentMarkings, maxSensitivity, redactSecrets } from './sensitivity';
export { labelDocument, relabelDocument, type ChunkLabel, type DocumentLabel, type LabelDocumentInput, type LabelReason, type RelabelDocumentInput } from './document-label';
export { estimateComplexity } from './complexity';
export { estimateTokens } from './tokens';
export {
  providerConfigSchema,
  policyConfigSchema,
  policyRuleSchema,
  routerConfigSchema,
  defaultRouterConfig,
  defaultTiers,
  DEFAULT_RULES,
  DEFAULT_PRICES,
  EXTRACTIVE_PROVIDER_ID,
  EXTRACTIVE_MODEL,
  type ProviderConfig,
  type PolicyConfig,
  type PolicyRule,
  type RouterConfig,
  type RouterConfigInput,
  type DefaultRouterConfigOptions,
} from './config';
export { createRouter, type Router, type RouterDeps } from './router';
export { RouterError, type RouterErrorCode } from './errors';
export { extractiveAnswer } from './providers/local-extractive';
