export * from './types';
export { classify } from './classify';
export { ClassifierPool, inlineClassifier, INLINE_MAX_CHARS, type Classifier, type ClassifierPoolOptions } from './classifier-pool';
export { detectSensitivity, documentMarkings, maxSensitivity, redactSecrets } from './sensitivity';
export { labelDocument, relabelDocument, type ChunkLabel, type DocumentLabel, type LabelDocumentInput, type LabelReason, type RelabelDocumentInput } from './document-label';
export { estimateComplexity, isFollowUp } from './complexity';
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
  DEFAULT_CONTEXT_WINDOWS,
  EXTRACTIVE_PROVIDER_ID,
  EXTRACTIVE_KIND,
  EXTRACTIVE_MODEL,
  keysOf,
  priceSchema,
  providerIdSchema,
  type ProviderConfig,
  type PolicyConfig,
  type PolicyRule,
  type RouterConfig,
  type RouterConfigInput,
  type DefaultRouterConfigOptions,
} from './config';
export { createRouter, validateRouterConfig, type ChatCallOptions, type ProbeOutcome, type Router, type RouterDeps } from './router';
export { decideRoute, modelCandidates, describeRule, type ChainEntry, type DecideOptions, type RoutingView } from './policy';
export {
  InMemoryBreakerStore,
  TolerantBreakerStore,
  acquireTransition,
  circuitState,
  failureTransition,
  releaseTransition,
  successTransition,
  CLOSED_CIRCUIT,
  RECENT_ERRORS,
  type Acquired,
  type BreakerSettings,
  type BreakerStore,
  type CircuitSnapshot,
  type CircuitState,
  type FailureReport,
  type ProbeResult,
  type ProviderHealthRecord,
  type RecordedError,
} from './breaker-store';
export { ConnectivityMonitor, type ConnectivityOptions } from './connectivity';
export { keyFingerprint, lastFour } from './key-ring';
export { draftQuality } from './cascade';
export { findProviderKind, providerKind, providerKindNames, providerKinds, registerProviderKind, type ProviderKind, type ProviderServices, type ProviderSpec } from './providers/registry';
export type { DiscoveredModel, Provider, ProviderAnswer, ProviderCall } from './providers/provider';
export { RouterError, type RouterErrorCode } from './errors';
export { extractiveAnswer } from './providers/local-extractive';
export { conversationQuery, retrievalQuery } from './extractive/question';
export { needsDocumentList, planDocumentContext, plannedPassages, type DocumentPlan, type PlannableDocument } from './extractive/document-plan';
export { capabilityNeeds, capabilityOverridesSchema, modelCapabilitiesSchema, TEXT_ONLY, unmetNeed, withOverrides, type Capability, type CapabilityNeed, type CapabilityOverrides } from './capabilities';
export { toolsText, turnText, wireText, wireToChatTurns } from './wire';
