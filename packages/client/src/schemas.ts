// The HTTP contract of the Switchyard API, as zod schemas. The API validates requests with
// these, the web app and the typed client parse responses with them, and /openapi.json is
// generated from them. Change them together with docs/architecture.md.
import { z } from 'zod';

export const sensitivitySchema = z.enum(['public', 'internal', 'confidential']);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export const complexitySchema = z.enum(['simple', 'moderate', 'complex']);
export type Complexity = z.infer<typeof complexitySchema>;

const id = z.string().min(1).max(200);
const isoDate = z.string();

// ---------------------------------------------------------------------------------------
// Errors

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---------------------------------------------------------------------------------------
// Auth, users, keys

export const roleSchema = z.enum(['admin', 'user']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id,
  email: z.string(),
  role: roleSchema,
  createdAt: isoDate,
});
export type User = z.infer<typeof userSchema>;

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'email must be a valid email address' })).pipe(z.string().max(254)),
  password: z.string().min(8, 'password must be at least 8 characters').max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const authResponseSchema = z.object({ user: userSchema, token: z.string() });
export const userResponseSchema = z.object({ user: userSchema });
export type AuthResponse = z.infer<typeof authResponseSchema>;

/**
 * GET /api/auth/status (no auth): what the sign-in page should offer. `firstRun` until the first
 * account (the administrator) exists; `signupOpen` when a sign-up would be accepted now (always
 * on a first run, afterwards only when the server allows self-service sign-up).
 */
export const authStatusSchema = z.object({ firstRun: z.boolean(), signupOpen: z.boolean() });
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const createUserSchema = credentialsSchema.extend({ role: roleSchema.default('user') });
export type CreateUser = z.input<typeof createUserSchema>;

export const apiKeySchema = z.object({
  id,
  name: z.string(),
  /** First characters of the key, to recognise it in a list. The key itself is shown once. */
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeySchema = z.object({ name: z.string().trim().min(1).max(100).default('default') });
export const apiKeysResponseSchema = z.object({ keys: z.array(apiKeySchema) });
/** GET /api/keys query: `userId` lists another user's keys (admins only); without it, the caller's. */
export const listApiKeysQuerySchema = z.object({ userId: id.optional() });
export type ListApiKeysQuery = z.infer<typeof listApiKeysQuerySchema>;
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

// ---------------------------------------------------------------------------------------
// Documents

export const documentStatusSchema = z.enum(['queued', 'processing', 'ready', 'failed']);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/**
 * Why a document has its label, one entry per kind of finding: never the values found. `scope`
 * `document` applies to every passage (the declared label, a marking at the top); `chunks` lists
 * the passages (0-based chunk indexes) it was found in.
 */
export const labelReasonSchema = z.object({
  /** `pii.email`, `secret.aws_key`, `marking.confidential`, `declared.internal`, ... */
  kind: z.string(),
  sensitivity: sensitivitySchema,
  /** Words a person can read: "an email address". */
  what: z.string(),
  scope: z.enum(['document', 'chunks']),
  count: z.number().int().nonnegative(),
  chunks: z.array(z.number().int().nonnegative()),
});
export type LabelReason = z.infer<typeof labelReasonSchema>;

export const documentSchema = z.object({
  id,
  /** The collection it belongs to (see Collections below). */
  collectionId: id.optional(),
  title: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  status: documentStatusSchema,
  /** 0..100 */
  progress: z.number().min(0).max(100),
  chunks: z.number().int().nonnegative(),
  /** The highest label of its passages; each passage carries its own. */
  sensitivity: sensitivitySchema,
  /** What the uploader or owner declared: a floor for every passage. */
  declaredSensitivity: sensitivitySchema.optional(),
  /** Why it has its label (documents indexed before labels had reasons have none). */
  labelReasons: z.array(labelReasonSchema).optional(),
  /** Present once the owner set the label by hand. */
  labelSetBy: z.object({ userId: id, at: isoDate }).optional(),
  error: z.string().optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Document = z.infer<typeof documentSchema>;

/**
 * PATCH /api/documents/:id, by the owner. `sensitivity` is the owner's declared label: a floor for
 * every passage, so it can raise any passage but lower none below what was found in it.
 */
export const updateDocumentSchema = z
  .strictObject({
    sensitivity: sensitivitySchema.optional(),
    title: z.string().trim().min(1, 'title must not be empty').max(300).optional(),
  })
  .refine((body) => body.sensitivity !== undefined || body.title !== undefined, { message: 'send sensitivity, title or both' });
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

/** The updated document, and sentences saying how the label came out (e.g. why it stayed higher). */
export const updateDocumentResponseSchema = z.object({ document: documentSchema, notes: z.array(z.string()) });
export type UpdateDocumentResponse = z.infer<typeof updateDocumentResponseSchema>;

/** GET /api/documents/:id/passages query: a page of the document's passages in order. */
export const documentPassagesQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DocumentPassagesQuery = z.input<typeof documentPassagesQuerySchema>;

/** One passage (chunk) as indexed, with its own label. */
export const documentPassageSchema = z.object({
  chunkIndex: z.number().int().nonnegative(),
  text: z.string(),
  heading: z.string().optional(),
  sensitivity: sensitivitySchema,
});
export type DocumentPassage = z.infer<typeof documentPassageSchema>;

export const documentPassagesResponseSchema = z.object({ passages: z.array(documentPassageSchema), total: z.number().int().nonnegative() });
export type DocumentPassagesResponse = z.infer<typeof documentPassagesResponseSchema>;

/** JSON upload of plain text (multipart uploads use the `files` field instead). */
export const createTextDocumentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  text: z.string().min(1, 'text must not be empty'),
  sensitivity: sensitivitySchema.optional(),
  /** Where the document goes (you must be an editor of it); default: your personal collection. */
  collectionId: id.optional(),
});
export type CreateTextDocument = z.infer<typeof createTextDocumentSchema>;

/** Fields that may accompany a multipart upload. */
export const uploadFieldsSchema = z.object({ sensitivity: sensitivitySchema.optional(), collectionId: id.optional() });

export const documentsResponseSchema = z.object({ documents: z.array(documentSchema) });
export const documentResponseSchema = z.object({ document: documentSchema });

/** One server-sent event of GET /api/documents/:id/events (event name `status`). */
export const documentEventSchema = documentSchema.pick({ id: true, status: true, progress: true, chunks: true, error: true, sensitivity: true });
export type DocumentEvent = z.infer<typeof documentEventSchema>;

// ---------------------------------------------------------------------------------------
// Search

export const searchRequestSchema = z.object({
  query: z.string().trim().min(1, 'query must not be empty').max(2000),
  limit: z.number().int().min(1).max(50).default(8),
  documentIds: z.array(id).max(100).optional(),
  /** Search these collections (each must be readable); default: every collection you own or are a member of. */
  collectionIds: z.array(id).min(1, 'collectionIds must name at least one collection').max(100).optional(),
});
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const searchHitSchema = z.object({
  documentId: id,
  collectionId: id.optional(),
  title: z.string(),
  chunkIndex: z.number().int().nonnegative(),
  text: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResponseSchema = z.object({ hits: z.array(searchHitSchema), tookMs: z.number() });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

// ---------------------------------------------------------------------------------------
// Routing and chat

export const routeSchema = z.object({
  sensitivity: sensitivitySchema,
  complexity: complexitySchema,
  tier: z.string(),
  provider: z.string(),
  model: z.string(),
  reasons: z.array(z.string()),
});
export type Route = z.infer<typeof routeSchema>;

export const routeRequestSchema = z.object({
  message: z.string().min(1, 'message must not be empty').max(100_000),
  conversationId: id.optional(),
  sensitivity: sensitivitySchema.optional(),
  complexity: complexitySchema.optional(),
  useDocuments: z.boolean().default(true),
  /** Retrieve from these collections (each must be readable); default: every collection you own or are a member of. */
  collectionIds: z.array(id).min(1, 'collectionIds must name at least one collection').max(100).optional(),
});
export type RouteRequest = z.input<typeof routeRequestSchema>;

export const routeResponseSchema = z.object({ route: routeSchema });

export const chatRequestSchema = routeRequestSchema.extend({
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(32_000).optional(),
  stream: z.boolean().default(false),
});
export type ChatRequest = z.input<typeof chatRequestSchema>;

export const citationSchema = z.object({
  id: z.string(),
  documentId: id,
  title: z.string(),
  chunkIndex: z.number().int().nonnegative(),
  quote: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

export const usageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  estimated: z.boolean(),
});
export type Usage = z.infer<typeof usageSchema>;

export const chatResponseSchema = z.object({
  conversationId: id,
  messageId: id,
  answer: z.string(),
  citations: z.array(citationSchema),
  route: routeSchema,
  usage: usageSchema,
  costUsd: z.number().nonnegative(),
  cached: z.boolean(),
  latencyMs: z.number().nonnegative(),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

/** Server-sent events of a streamed chat, in order: route, delta*, citations, done | error. */
export const chatStreamEventSchemas = {
  route: z.object({ route: routeSchema, conversationId: id }),
  delta: z.object({ text: z.string() }),
  citations: z.object({ citations: z.array(citationSchema) }),
  done: chatResponseSchema,
  error: errorBodySchema,
} as const;
export type ChatStreamEvent =
  | { event: 'route'; data: z.infer<typeof chatStreamEventSchemas.route> }
  | { event: 'delta'; data: z.infer<typeof chatStreamEventSchemas.delta> }
  | { event: 'citations'; data: z.infer<typeof chatStreamEventSchemas.citations> }
  | { event: 'done'; data: ChatResponse }
  | { event: 'error'; data: ErrorBody };

// ---------------------------------------------------------------------------------------
// Conversations

export const messageSchema = z.object({
  id,
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  route: routeSchema.optional(),
  citations: z.array(citationSchema).optional(),
  /** Assistant messages: what the answer cost, whether the cache served it, and how long it took. */
  costUsd: z.number().nonnegative().optional(),
  cached: z.boolean().optional(),
  latencyMs: z.number().nonnegative().optional(),
  createdAt: isoDate,
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSummarySchema = z.object({
  id,
  title: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  messageCount: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationSchema = z.object({
  id,
  title: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  messages: z.array(messageSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationsResponseSchema = z.object({ conversations: z.array(conversationSummarySchema) });
export const conversationResponseSchema = z.object({ conversation: conversationSchema });

// ---------------------------------------------------------------------------------------
// Stats and providers

export const latencySummarySchema = z.object({ p50: z.number(), p95: z.number(), p99: z.number(), count: z.number() });

export const statsGroupSchema = z.object({
  key: z.string(),
  requests: z.number(),
  cacheHits: z.number(),
  errors: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  costUsd: z.number(),
  latencyMs: latencySummarySchema,
});
export type StatsGroup = z.infer<typeof statsGroupSchema>;

/** One route's or model's figures in one hour. */
export const statsPointSchema = z.object({ requests: z.number(), cacheHits: z.number(), costUsd: z.number(), p50LatencyMs: z.number() });
export type StatsPoint = z.infer<typeof statsPointSchema>;

export const statsResponseSchema = z.object({
  totals: statsGroupSchema,
  cacheHitRate: z.number(),
  byRoute: z.array(statsGroupSchema),
  byModel: z.array(statsGroupSchema),
  byProvider: z.array(statsGroupSchema),
  /** Per-hour buckets, oldest first, for charts; `byRoute`/`byModel` split each hour by tier and model. */
  timeline: z.array(
    z.object({
      hour: isoDate,
      requests: z.number(),
      cacheHits: z.number(),
      costUsd: z.number(),
      p50LatencyMs: z.number(),
      byRoute: z.record(z.string(), statsPointSchema),
      byModel: z.record(z.string(), statsPointSchema),
    }),
  ),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

export const providerSchema = z.object({
  id: z.string(),
  /** A provider kind the router has registered: `openai`, `anthropic`, `openai-compatible`, `local-extractive`, ... */
  kind: z.string(),
  local: z.boolean(),
  models: z.array(z.string()),
  circuit: z.enum(['closed', 'open', 'half-open']),
  consecutiveFailures: z.number(),
  lastError: z.string().optional(),
  lastLatencyMs: z.number().optional(),
});
export type Provider = z.infer<typeof providerSchema>;

export const providersResponseSchema = z.object({ providers: z.array(providerSchema) });
export const providerTestResponseSchema = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

// The /v1 wire formats (OpenAI chat completions and Responses, Anthropic Messages, embeddings) are in v1.ts.

// ---------------------------------------------------------------------------------------
// Ids in paths (hardening)

/**
 * The id of anything a path names (documents, conversations, keys, collections, users): UUIDs
 * and other plain ids. No `:` or other separator, so an id can never name a sibling record.
 */
export const resourceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id: letters, digits, "-" and "_", at most 128');

// ---------------------------------------------------------------------------------------
// Password strength (sign-up and admin-created users)

export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn's score, 0 (guessable in seconds) to 4 (very hard to guess). */
export const PASSWORD_MIN_SCORE = 3;

/** `details` of a 400 `weak_password`: what is wrong and how to do better, readable by a person. */
export const passwordFeedbackSchema = z.object({
  fields: z.array(z.object({ path: z.string(), message: z.string() })),
  score: z.number().int().min(0).max(4),
  minScore: z.number().int(),
  minLength: z.number().int(),
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
});
export type PasswordFeedback = z.infer<typeof passwordFeedbackSchema>;

// ---------------------------------------------------------------------------------------
// Audit trail (admin only)

export const auditEventTypeSchema = z.enum([
  'auth.signup',
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.deleted',
  'key.created',
  'key.revoked',
  'document.deleted',
  'collection.created',
  'collection.updated',
  'collection.deleted',
  'collection.member_added',
  'collection.member_removed',
  'provider.created',
  'provider.updated',
  'provider.deleted',
  'provider.toggled',
  'provider.key_rolled',
  'policy.changed',
]);
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

export const auditEventSchema = z.object({
  /** The stream id: orders events and is the `before` cursor of the next page. */
  id: z.string(),
  type: auditEventTypeSchema,
  at: isoDate,
  /** Who did it, when known (a failed login has no actor, only the email tried). */
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The client address as the API determined it (TRUST_PROXY). */
  ip: z.string().nullable(),
  /** What it was done to: `document`, `key`, `user`, `collection`, `provider`, … and its id. */
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** Extra facts (a failed login's reason, a new user's role); never a secret. */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const auditCursor = z.string().regex(/^\d{1,16}-\d{1,10}$/, 'before must be an event id from a previous page');

/** GET /api/audit query: newest first, `limit` per page, `before` an event id, `type` a comma-separated list. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: auditCursor.optional(),
  type: z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(auditEventTypeSchema).min(1, 'type must name at least one event type'))
    .optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditResponseSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.string().nullable(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;

/**
 * Sign-up and admin-created users. The length and strength of a new password are judged by the
 * server (400 `weak_password` with PasswordFeedback), so this only bounds its size.
 */
export const newCredentialsSchema = credentialsSchema.extend({
  password: z.string().min(1, 'password must not be empty').max(200, 'password must be at most 200 characters'),
});
export const newUserSchema = newCredentialsSchema.extend({ role: roleSchema.default('user') });

// ---------------------------------------------------------------------------------------
// Providers operated at run time (admins): add, change, test, toggle, roll keys

/** A provider id: used in routes as `provider:model`, in URLs and in Redis keys. */
export const providerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'provider ids are 1 to 64 letters, digits, "-" and "_", starting with a letter or digit');

/** USD per million tokens. */
export const modelPriceSchema = z
  .object({ inputPerMTok: z.number().nonnegative().max(100_000), outputPerMTok: z.number().nonnegative().max(100_000) })
  .strict();
export type ModelPrice = z.infer<typeof modelPriceSchema>;

const providerApiKey = z.string().trim().min(8, 'an API key is at least 8 characters').max(1000).regex(/^\S+$/, 'an API key has no spaces');
const providerBaseUrl = z.url({ protocol: /^https?$/, message: 'baseURL must be an http:// or https:// URL' }).max(2000);
const providerModelName = z.string().trim().min(1).max(200);

/** POST /api/providers. Unknown fields are refused, never ignored. */
export const createProviderSchema = z
  .object({
    id: providerIdSchema,
    /** A registered kind: GET /api/providers lists them under `kinds`. */
    kind: z.string().min(1).max(64),
    /** Only local providers may serve confidential requests. */
    local: z.boolean(),
    baseURL: providerBaseUrl.optional(),
    /** Several keys are used round-robin; a refused key rests and the next is used. Stored encrypted. */
    apiKeys: z.array(providerApiKey).max(20).default([]),
    /** Cheapest first, strongest last: the default tiers rely on this order. */
    models: z.array(providerModelName).min(1, 'list at least one model').max(500),
    /** Model -> price; models without one cost nothing in the stats. */
    prices: z.record(providerModelName, modelPriceSchema).default({}),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateProvider = z.input<typeof createProviderSchema>;

/** PATCH /api/providers/:id: the fields to change; `baseURL: null` goes back to the kind's default. */
export const updateProviderSchema = z
  .object({
    kind: z.string().min(1).max(64),
    local: z.boolean(),
    baseURL: providerBaseUrl.nullable(),
    apiKeys: z.array(providerApiKey).max(20),
    models: z.array(providerModelName).min(1, 'list at least one model').max(500),
    prices: z.record(providerModelName, modelPriceSchema),
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });
export type UpdateProvider = z.input<typeof updateProviderSchema>;

export const providerKeyViewSchema = z.object({
  /** The last four characters; the key itself is never sent back. */
  lastFour: z.string(),
  /** The key the rotation uses next. */
  next: z.boolean(),
  /** Set while the key rests after the provider refused it (401/403/429). */
  restingUntil: isoDate.optional(),
});

export const managedProviderSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** The kind's name for people, e.g. "OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)". */
  label: z.string(),
  /** `env`: configured by environment variables (can be disabled, not edited); `stored`: added at run time. */
  source: z.enum(['env', 'stored']),
  local: z.boolean(),
  enabled: z.boolean(),
  /** false for the built-in extractive responder, which quotes documents and never generates text. */
  generative: z.boolean(),
  models: z.array(z.string()),
  prices: z.record(z.string(), modelPriceSchema),
  circuit: z.enum(['closed', 'open', 'half-open']),
  consecutiveFailures: z.number(),
  lastError: z.string().optional(),
  lastLatencyMs: z.number().optional(),
  /** From the latest connectivity probe; absent until one ran. */
  reachable: z.boolean().optional(),
  lastProbeAt: isoDate.optional(),
  /** Admins only from here on. */
  baseURL: z.string().optional(),
  recentErrors: z.array(z.object({ at: isoDate, message: z.string() })).optional(),
  keys: z.array(providerKeyViewSchema).optional(),
  createdAt: isoDate.optional(),
  updatedAt: isoDate.optional(),
});
export type ManagedProvider = z.infer<typeof managedProviderSchema>;

export const providerKindInfoSchema = z.object({
  name: z.string(),
  label: z.string(),
  needsApiKey: z.boolean(),
  generative: z.boolean(),
  locality: z.enum(['local', 'cloud', 'either']),
  defaultBaseURL: z.string().optional(),
});
export type ProviderKindInfo = z.infer<typeof providerKindInfoSchema>;

export const managedProvidersResponseSchema = z.object({ providers: z.array(managedProviderSchema), kinds: z.array(providerKindInfoSchema) });
export type ManagedProvidersResponse = z.infer<typeof managedProvidersResponseSchema>;
export const managedProviderResponseSchema = z.object({ provider: managedProviderSchema });

// ---------------------------------------------------------------------------------------
// Models: the catalog, discovery from the providers, and which providers serve a model

/** A model as a provider's own model list (`GET /models`) reports it. */
export const discoveredModelSchema = z.object({
  id: z.string(),
  ownedBy: z.string().optional(),
  name: z.string().optional(),
  contextWindow: z.number().optional(),
  /** Already in the provider's configured models. */
  configured: z.boolean(),
});
export type DiscoveredModel = z.infer<typeof discoveredModelSchema>;

export const discoveredModelsResponseSchema = z.object({ provider: z.string(), discoveredAt: isoDate, models: z.array(discoveredModelSchema) });
export type DiscoveredModelsResponse = z.infer<typeof discoveredModelsResponseSchema>;

export const modelInfoSchema = z.object({
  id: z.string(),
  provider: z.string(),
  providerLabel: z.string(),
  /** Runs locally: may serve confidential requests. */
  local: z.boolean(),
  /** false for the extractive responder, which quotes documents and never generates text. */
  generative: z.boolean(),
  price: modelPriceSchema.optional(),
  /** Tokens, when known (published, or reported by the provider's model list). */
  contextWindow: z.number().optional(),
  /** What the model does here, in words: "streams", "generates text", "quotes your documents", "confidential work". */
  capabilities: z.array(z.string()),
  circuit: z.enum(['closed', 'open', 'half-open']),
  reachable: z.boolean().optional(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const modelsResponseSchema = z.object({ models: z.array(modelInfoSchema) });
export type ModelsResponse = z.infer<typeof modelsResponseSchema>;

/** GET /api/autodecide/:model?sensitivity=: only the providers a request of that sensitivity may reach. */
export const autodecideQuerySchema = z.object({ sensitivity: sensitivitySchema.optional() }).strict();

export const autodecideResponseSchema = z.object({
  model: z.string(),
  sensitivity: sensitivitySchema,
  /** In the order the router tries them: reachable ones first, then by configuration. */
  candidates: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      local: z.boolean(),
      circuit: z.enum(['closed', 'open', 'half-open']),
      reachable: z.boolean().optional(),
      price: modelPriceSchema.optional(),
    }),
  ),
});
export type AutodecideResponse = z.infer<typeof autodecideResponseSchema>;

// ---------------------------------------------------------------------------------------
// The routing policy at run time (admins): view, replace (versioned), dry run

/**
 * A routing policy document: the same JSON as ROUTER_POLICY_FILE (`rules`, `tiers`, `localOnly`,
 * `allowExplicitModels`, `maxRetryAfterMs`). The server checks it with the router's own policy
 * schema, the one the file is read with; unknown fields are refused.
 */
export const policyDocumentSchema = z.record(z.string(), z.unknown());
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** PUT /api/policy. `expectedVersion`: refuse (409) if someone changed the policy since you read it. */
export const replacePolicySchema = z.object({ policy: policyDocumentSchema, expectedVersion: z.number().int().nonnegative().optional() }).strict();
export type ReplacePolicy = z.infer<typeof replacePolicySchema>;

export const policyResponseSchema = z.object({
  /** 0 until an admin first replaces the environment's policy; +1 with every change. */
  version: z.number().int().nonnegative(),
  /** `environment`: ROUTER_POLICY_FILE or the built-in default; `admin`: replaced at run time. */
  source: z.enum(['environment', 'admin']),
  policy: policyDocumentSchema,
  /** Each tier's chain of provider:model as the router resolves it now. */
  tiers: z.record(z.string(), z.array(z.string())),
  updatedAt: isoDate.optional(),
  updatedBy: z.string().optional(),
});
export type PolicyResponse = z.infer<typeof policyResponseSchema>;

export const policyVersionSchema = z.object({
  version: z.number().int(),
  at: isoDate,
  /** Email of the admin who made the change. */
  by: z.string(),
  /** null: that change went back to the environment's policy. */
  policy: policyDocumentSchema.nullable(),
});
export const policyVersionsResponseSchema = z.object({ versions: z.array(policyVersionSchema) });
export type PolicyVersionsResponse = z.infer<typeof policyVersionsResponseSchema>;

/** POST /api/policy/dry-run: how the last `limit` routed requests would route under `policy`. */
export const policyDryRunRequestSchema = z.object({ policy: policyDocumentSchema, limit: z.number().int().min(1).max(1000).default(100) }).strict();
export type PolicyDryRunRequest = z.input<typeof policyDryRunRequestSchema>;

export const routeOutcomeSchema = z.union([z.object({ tier: z.string(), provider: z.string(), model: z.string() }), z.object({ error: z.string() })]);
export type RouteOutcome = z.infer<typeof routeOutcomeSchema>;

export const policyDryRunResponseSchema = z.object({
  /** How many recorded requests were replayed (fewer than asked when fewer were recorded). */
  considered: z.number().int(),
  /** How many would route differently from the policy in force, on today's providers. */
  changed: z.number().int(),
  /** Requests per tier: under the policy in force, and under the proposed one. */
  current: z.record(z.string(), z.number().int()),
  proposed: z.record(z.string(), z.number().int()),
  requests: z.array(
    z.object({
      at: isoDate,
      sensitivity: sensitivitySchema,
      complexity: complexitySchema,
      contextTokens: z.number().int(),
      requestedModel: z.string().optional(),
      /** What was decided when the request was made. */
      then: routeOutcomeSchema,
      current: routeOutcomeSchema,
      proposed: routeOutcomeSchema,
      changed: z.boolean(),
      /** The proposed decision's reasons. */
      reasons: z.array(z.string()),
    }),
  ),
});
export type PolicyDryRunResponse = z.infer<typeof policyDryRunResponseSchema>;

// ---------------------------------------------------------------------------------------
// Conversations: rename, search, delete with undo, and branches (edit-and-resend, regenerate)

/** PATCH /api/conversations/:id: the owner renames a conversation. */
export const renameConversationSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(120, 'title must be at most 120 characters'),
});
export type RenameConversation = z.infer<typeof renameConversationSchema>;

/** GET /api/conversations?q=: only conversations whose title or messages contain the words. */
export const conversationsQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(200, 'q must be at most 200 characters').optional(),
});
export type ConversationsQuery = z.infer<typeof conversationsQuerySchema>;

/** A conversation found by a search, with where the words were found (personal data redacted). */
export const conversationSearchHitSchema = conversationSummarySchema.extend({
  match: z.object({
    in: z.enum(['title', 'message']),
    /** The words in their context, at most about 120 characters. */
    snippet: z.string(),
    messageId: id.optional(),
  }),
});
export type ConversationSearchHit = z.infer<typeof conversationSearchHitSchema>;
export const conversationSearchResponseSchema = z.object({ conversations: z.array(conversationSearchHitSchema) });

/**
 * An earlier version of the conversation from `forkIndex` on: what the messages were before an
 * edit-and-resend or a regenerate replaced them. Activating it swaps it with the current messages
 * (which become a branch in turn), so no answer is ever lost.
 */
export const conversationBranchSchema = z.object({
  id,
  /** Index in `messages` of the first message this version replaces (a user message). */
  forkIndex: z.number().int().nonnegative(),
  messageCount: z.number().int().nonnegative(),
  /** The version's first message (the question as it was then), personal data redacted, shortened. */
  preview: z.string(),
  createdAt: isoDate,
});
export type ConversationBranch = z.infer<typeof conversationBranchSchema>;

/** GET /api/conversations/:id: the messages of the active version, and the other versions. */
export const conversationDetailSchema = conversationSchema.extend({ branches: z.array(conversationBranchSchema) });
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;
export const conversationDetailResponseSchema = z.object({ conversation: conversationDetailSchema });

/**
 * POST /api/conversations/:id/branches: start a new version at `messageId` (a user message to
 * edit and resend, or an assistant message to regenerate: the version then starts at the question
 * before it). The messages from there on are kept as a branch; the answer is `conversation`,
 * ending before that question, and `message`, the question to send again (edited or not) with
 * POST /api/chat {conversationId}.
 */
export const forkConversationSchema = z.strictObject({ messageId: id });
export type ForkConversation = z.infer<typeof forkConversationSchema>;
export const forkConversationResponseSchema = z.object({ conversation: conversationDetailSchema, branch: conversationBranchSchema, message: z.string() });
export type ForkConversationResponse = z.infer<typeof forkConversationResponseSchema>;

/**
 * POST /api/chat with `regenerate: true` asks the model again instead of answering from the
 * answer cache (the new answer replaces the cached one). Everything else as `chatRequestSchema`.
 */
export const regenerateChatRequestSchema = chatRequestSchema.extend({ regenerate: z.boolean().optional() });
export type RegenerateChatRequest = z.input<typeof regenerateChatRequestSchema>;

// ---------------------------------------------------------------------------------------
// Uploads: one result per file, so one bad file does not reject the others

export const uploadResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), filename: z.string(), document: documentSchema }),
  z.object({ status: z.literal('rejected'), filename: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type UploadResult = z.infer<typeof uploadResultSchema>;

/**
 * POST /api/documents (multipart), 202 when at least one file was accepted: `documents` are the
 * accepted ones, `results` has one entry per file sent, in order, each naming its file. When no
 * file is accepted the answer is the first rejection's error, with `details.results`.
 */
export const uploadResponseSchema = documentsResponseSchema.extend({ results: z.array(uploadResultSchema) });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

// ---------------------------------------------------------------------------------------
// User management (admins): list, change role, disable/enable, reset password, delete

export const managedUserSchema = userSchema.extend({
  /** A disabled account cannot sign in, and none of its sessions or API keys work. */
  disabled: z.boolean(),
  disabledAt: isoDate.optional(),
  /** What deleting the account would delete with it. */
  documents: z.number().int(),
  conversations: z.number().int(),
  apiKeys: z.number().int(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

export const managedUsersResponseSchema = z.object({ users: z.array(managedUserSchema) });
export const managedUserResponseSchema = z.object({ user: managedUserSchema });

/** PATCH /api/users/:id. */
export const updateUserSchema = z
  .object({ role: roleSchema, disabled: z.boolean() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send role or disabled' });
export type UpdateUser = z.input<typeof updateUserSchema>;

/** POST /api/users/:id/reset-password: the new password, or none for a generated one shown once. */
export const resetPasswordSchema = z.object({ password: z.string().min(1).max(200).optional() }).strict();
export type ResetPassword = z.input<typeof resetPasswordSchema>;

export const resetPasswordResponseSchema = z.object({
  user: managedUserSchema,
  /** Only when the server generated the password: shown this once, never stored in the clear. */
  temporaryPassword: z.string().optional(),
});
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponseSchema>;

/** DELETE /api/users/:id: what was deleted with the account. */
export const deletedUserResponseSchema = z.object({
  deleted: z.object({
    userId: z.string(),
    email: z.string(),
    /** Their documents: records, files and indexed passages. */
    documents: z.number().int(),
    /** Collections they owned (the personal one included), deleted with their documents and indexes. */
    collections: z.number().int(),
    /** Collections of others they were a member of and no longer are. */
    memberships: z.number().int(),
    conversations: z.number().int(),
    apiKeys: z.number().int(),
  }),
});
export type DeletedUserResponse = z.infer<typeof deletedUserResponseSchema>;

// ---------------------------------------------------------------------------------------
// Collections: named sets of documents with an owner and members. A viewer searches and chats
// over a collection, an editor also uploads and deletes, the owner also shares, renames and
// deletes it. Everyone has a personal collection; administrators see every collection.

export const collectionMemberRoleSchema = z.enum(['viewer', 'editor']);
export type CollectionMemberRole = z.infer<typeof collectionMemberRoleSchema>;

/** What the caller may do in a collection. */
export const collectionAccessSchema = z.enum(['viewer', 'editor', 'owner']);
export type CollectionAccess = z.infer<typeof collectionAccessSchema>;

export const collectionMemberSchema = z.object({
  userId: id,
  /** When the account still exists. */
  email: z.string().optional(),
  role: collectionMemberRoleSchema,
});
export type CollectionMember = z.infer<typeof collectionMemberSchema>;

/** The search index of a collection, and the re-index under way when the embedder changed. */
export const collectionIndexSchema = z.object({
  /** The embedder of the index answering searches; null until a document is indexed. */
  embedder: z.string().nullable(),
  reindex: z
    .object({
      embedder: z.string(),
      doneDocuments: z.number().int().nonnegative(),
      totalDocuments: z.number().int().nonnegative(),
      /** 0..100 */
      progress: z.number().min(0).max(100),
    })
    .optional(),
});
export type CollectionIndex = z.infer<typeof collectionIndexSchema>;

export const collectionSchema = z.object({
  id,
  name: z.string(),
  ownerId: id,
  ownerEmail: z.string().optional(),
  /** The owner's personal collection: cannot be deleted. */
  personal: z.boolean(),
  /** What the caller may do; an administrator who is not a member has owner rights. */
  access: collectionAccessSchema,
  /** The caller sees it as an administrator, not as its owner or a member. */
  viaAdmin: z.boolean().optional(),
  documents: z.number().int().nonnegative(),
  members: z.array(collectionMemberSchema),
  index: collectionIndexSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Collection = z.infer<typeof collectionSchema>;

const collectionNameSchema = z.string().trim().min(1, 'name must not be empty').max(100);

/** POST /api/collections. */
export const createCollectionSchema = z.strictObject({ name: collectionNameSchema });
export type CreateCollection = z.infer<typeof createCollectionSchema>;

/** PATCH /api/collections/:id (owner). */
export const updateCollectionSchema = z.strictObject({ name: collectionNameSchema });
export type UpdateCollection = z.infer<typeof updateCollectionSchema>;

/** POST /api/collections/:id/members (owner): add a member, or change a member's role. `email` may name the user instead of `userId`. */
export const addCollectionMemberSchema = z
  .strictObject({
    userId: id.optional(),
    email: z.string().trim().toLowerCase().max(254).optional(),
    role: collectionMemberRoleSchema,
  })
  .refine((body) => (body.userId === undefined) !== (body.email === undefined), { message: 'send userId or email (one of them)' });
export type AddCollectionMember = z.input<typeof addCollectionMemberSchema>;

export const collectionsResponseSchema = z.object({ collections: z.array(collectionSchema) });
export type CollectionsResponse = z.infer<typeof collectionsResponseSchema>;
export const collectionResponseSchema = z.object({ collection: collectionSchema });
export type CollectionResponse = z.infer<typeof collectionResponseSchema>;

/** GET /api/documents?collectionId=: the documents of one collection (default: of every collection you can read). */
export const documentsQuerySchema = z.strictObject({ collectionId: id.optional() });
