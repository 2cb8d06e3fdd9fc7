// OpenAPI 3.1 document generated from the zod schemas of @switchyard/client (the same ones the
// routes validate with), served at /openapi.json, with Swagger UI at /docs. Every route of the
// API is listed here, chat and /v1 included.
import { OpenAPIRegistry, OpenApiGeneratorV31, zodToOpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as contract from '@switchyard/client';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';

type Method = RouteConfig['method'];

interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  multipart?: boolean;
  params?: string[];
  /** Query string parameters. */
  query?: z.ZodObject;
  /** Error answers beyond the ones every operation of its kind gets, by status. */
  errors?: Record<number, string>;
  status?: number;
  response?: z.ZodType;
  /** Server-sent events instead of (or besides) JSON. */
  stream?: boolean;
  admin?: boolean;
  public?: boolean;
}

const openAiCompletion = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number(),
    model: z.string(),
    choices: z.array(z.object({ index: z.number(), message: z.object({ role: z.literal('assistant'), content: z.string().nullable(), tool_calls: z.array(z.unknown()).optional() }), finish_reason: z.string() })),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).optional(),
  })
  .passthrough();
const openAiModel = z.object({ id: z.string(), object: z.literal('model'), created: z.number(), owned_by: z.string() }).passthrough();
const openAiModels = z.object({ object: z.literal('list'), data: z.array(openAiModel) });
const openAiResponse = z.object({ id: z.string(), object: z.literal('response'), status: z.string(), model: z.string(), output: z.array(z.object({ type: z.string() }).passthrough()) }).passthrough();
const anthropicMessage = z.object({ id: z.string(), type: z.literal('message'), role: z.literal('assistant'), model: z.string(), content: z.array(z.object({ type: z.string() }).passthrough()), stop_reason: z.string() }).passthrough();
const openAiEmbeddings = z.object({ object: z.literal('list'), data: z.array(z.object({ object: z.literal('embedding'), index: z.number(), embedding: z.union([z.array(z.number()), z.string()]) })), model: z.string() }).passthrough();
const probeResponse = z.object({ status: z.string() }).passthrough();

export const operations: Operation[] = [
  { method: 'get', path: '/health', summary: 'The process is up; version', tag: 'probes', public: true, response: probeResponse },
  { method: 'get', path: '/live', summary: 'Liveness', tag: 'probes', public: true, response: probeResponse },
  { method: 'get', path: '/ready', summary: 'Readiness: 503 naming redis, chroma or worker when down', tag: 'probes', public: true, response: probeResponse },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (text): needs `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set it does not exist (404)',
    tag: 'probes',
    public: true,
    errors: { 401: 'missing or wrong METRICS_TOKEN', 404: 'METRICS_TOKEN is not set' },
  },

  { method: 'get', path: '/api/auth/status', summary: 'First run (no administrator yet) and whether sign-up is open', tag: 'auth', public: true, response: contract.authStatusSchema },
  {
    method: 'post',
    path: '/api/auth/signup',
    summary: 'Sign up (the first user is admin); the password needs 12+ characters and a zxcvbn score of 3+',
    tag: 'auth',
    public: true,
    body: contract.newCredentialsSchema,
    errors: { 400: 'weak_password: details hold the warning and suggestions (PasswordFeedback)', 403: 'sign-up is closed' },
    status: 201,
    response: contract.authResponseSchema,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in: a session token (also set as the sy_session cookie). Throttled per account (exponential backoff) and per client address',
    tag: 'auth',
    public: true,
    body: contract.credentialsSchema,
    errors: { 401: 'email or password is wrong', 429: 'login_throttled or rate_limited (Retry-After)' },
    response: contract.authResponseSchema,
  },
  { method: 'post', path: '/api/auth/logout', summary: 'End the session', tag: 'auth', status: 204 },
  { method: 'get', path: '/api/auth/me', summary: 'The current user', tag: 'auth', response: contract.userResponseSchema },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Create a user (admin); the password is judged as at sign-up',
    tag: 'auth',
    admin: true,
    body: contract.newUserSchema,
    errors: { 400: 'weak_password: details hold the warning and suggestions (PasswordFeedback)' },
    status: 201,
    response: contract.userResponseSchema,
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'The audit trail, newest first (admin): sign-ins, keys, users, deletions, sharing, providers, policy',
    tag: 'audit',
    admin: true,
    query: contract.auditQuerySchema,
    response: contract.auditResponseSchema,
  },
  {
    method: 'get',
    path: '/api/keys',
    summary: "Your API keys; admins: another user's with `?userId=` (never the secrets)",
    tag: 'keys',
    query: contract.listApiKeysQuerySchema,
    errors: { 403: "another user's keys need an administrator", 404: 'no such user' },
    response: contract.apiKeysResponseSchema,
  },
  { method: 'post', path: '/api/keys', summary: 'Create an API key (shown once)', tag: 'keys', body: contract.createApiKeySchema, status: 201, response: contract.createdApiKeySchema },
  { method: 'delete', path: '/api/keys/{id}', summary: 'Revoke a key (yours; admins: any)', tag: 'keys', params: ['id'], status: 204 },

  {
    method: 'post',
    path: '/api/documents',
    summary: 'Upload files (multipart `files`, optional `sensitivity` and `collectionId`) or text (JSON `{title, text, collectionId?}`) into a collection you edit (default: your personal one)',
    tag: 'documents',
    multipart: true,
    body: contract.createTextDocumentSchema,
    status: 202,
    errors: { 400: 'no file accepted: the first refusal, with every file\'s result in details.results', 415: 'no file accepted (unsupported types), details.results per file' },
    response: contract.uploadResponseSchema,
  },
  {
    method: 'get',
    path: '/api/documents',
    summary: 'The documents of every collection you own or are a member of, or of one (`?collectionId=`, which you must be able to read)',
    tag: 'documents',
    query: contract.documentsQuerySchema,
    response: contract.documentsResponseSchema,
  },
  { method: 'get', path: '/api/documents/{id}', summary: 'One document', tag: 'documents', params: ['id'], response: contract.documentResponseSchema },
  {
    method: 'patch',
    path: '/api/documents/{id}',
    summary:
      "Rename a document or set its label (an editor of its collection). The label you set is a floor for every passage: each passage becomes max(your label, what was found in it), so lowering stops at what the detectors found; `notes` say which passages stay higher and why. Recorded with who and when (`labelSetBy`); retrieval sees it at once",
    tag: 'documents',
    params: ['id'],
    body: contract.updateDocumentSchema,
    errors: { 409: 'the document is still being indexed' },
    response: contract.updateDocumentResponseSchema,
  },
  { method: 'delete', path: '/api/documents/{id}', summary: 'Delete a document, its chunks and its blob', tag: 'documents', params: ['id'], status: 204 },
  {
    method: 'get',
    path: '/api/documents/{id}/passages',
    summary: "A page of the document's passages in order, each with its own label (a passage is confidential only for what it holds, or for a label or marking of the whole document)",
    tag: 'documents',
    params: ['id'],
    query: contract.documentPassagesQuerySchema,
    response: contract.documentPassagesResponseSchema,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/file',
    summary: 'The original file (readers of its collection), inline for a preview or with `?download=1` as an attachment; served with a sandboxing CSP and nosniff',
    tag: 'documents',
    params: ['id'],
    errors: { 404: 'no such document, or its file is no longer stored' },
  },
  { method: 'get', path: '/api/documents/{id}/events', summary: 'Status events (`event: status`) until ready or failed', tag: 'documents', params: ['id'], stream: true, response: contract.documentEventSchema },

  { method: 'get', path: '/api/collections', summary: 'Your collections and those shared with you (administrators: every collection)', tag: 'collections', response: contract.collectionsResponseSchema },
  { method: 'post', path: '/api/collections', summary: 'Create a collection (you own it)', tag: 'collections', body: contract.createCollectionSchema, status: 201, response: contract.collectionResponseSchema },
  { method: 'get', path: '/api/collections/{id}', summary: 'One collection you can read: members, documents count, index and re-index progress', tag: 'collections', params: ['id'], response: contract.collectionResponseSchema },
  { method: 'patch', path: '/api/collections/{id}', summary: 'Rename a collection (owner)', tag: 'collections', params: ['id'], body: contract.updateCollectionSchema, response: contract.collectionResponseSchema },
  {
    method: 'delete',
    path: '/api/collections/{id}',
    summary: 'Delete a collection with its documents and its index (owner)',
    tag: 'collections',
    params: ['id'],
    status: 204,
    errors: { 409: 'a personal collection cannot be deleted' },
  },
  {
    method: 'post',
    path: '/api/collections/{id}/members',
    summary: 'Share a collection, or change a member\'s role: `{userId or email, role: viewer|editor}` (owner)',
    tag: 'collections',
    params: ['id'],
    body: contract.addCollectionMemberSchema,
    errors: { 409: 'the owner cannot be a member of their own collection' },
    response: contract.collectionResponseSchema,
  },
  { method: 'delete', path: '/api/collections/{id}/members/{userId}', summary: 'Remove a member (owner), or leave a collection (yourself)', tag: 'collections', params: ['id', 'userId'], status: 204 },

  {
    method: 'post',
    path: '/api/search',
    summary:
      'Search the collections you can read (default: every one you own or are a member of; `collectionIds` names some) by meaning and keywords; only passages above the relevance floor, so `hits` is empty when nothing is relevant',
    tag: 'search',
    body: contract.searchRequestSchema,
    response: contract.searchResponseSchema,
  },
  { method: 'post', path: '/api/route', summary: 'The routing decision, no model called', tag: 'chat', body: contract.routeRequestSchema, response: contract.routeResponseSchema },
  { method: 'post', path: '/api/chat', summary: 'Chat over your documents (JSON, or SSE with stream: true); `regenerate: true` asks the model again instead of the answer cache', tag: 'chat', body: contract.regenerateChatRequestSchema, response: contract.chatResponseSchema, stream: true },
  {
    method: 'get',
    path: '/api/conversations',
    summary: 'Your conversations; with `?q=` only those whose title or messages contain the words, each with where it matched (ConversationSearchHit)',
    tag: 'conversations',
    query: contract.conversationsQuerySchema,
    response: contract.conversationsResponseSchema,
  },
  {
    method: 'get',
    path: '/api/conversations/{id}',
    summary: 'One conversation: the messages of its current version and its earlier versions (branches)',
    tag: 'conversations',
    params: ['id'],
    response: contract.conversationDetailResponseSchema,
  },
  { method: 'patch', path: '/api/conversations/{id}', summary: 'Rename a conversation', tag: 'conversations', params: ['id'], body: contract.renameConversationSchema },
  { method: 'post', path: '/api/conversations/{id}/restore', summary: 'Undo a delete (for 24 hours after it)', tag: 'conversations', params: ['id'] },
  {
    method: 'post',
    path: '/api/conversations/{id}/branches',
    summary:
      'Start a new version at a message: a question to edit and resend, or an answer to regenerate. The messages from there on are kept as a branch; then send `message` (edited or not) with POST /api/chat {conversationId, regenerate?}',
    tag: 'conversations',
    params: ['id'],
    body: contract.forkConversationSchema,
    status: 201,
    errors: { 404: 'message_not_found', 409: 'conversation_busy: answers kept arriving; try again' },
    response: contract.forkConversationResponseSchema,
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/branches/{branchId}/activate',
    summary: 'Show an earlier version again; the current one becomes a branch',
    tag: 'conversations',
    params: ['id', 'branchId'],
    errors: { 404: 'branch_not_found' },
    response: contract.conversationDetailResponseSchema,
  },
  { method: 'delete', path: '/api/conversations/{id}', summary: 'Delete a conversation (restorable for 24 hours, then gone)', tag: 'conversations', params: ['id'], status: 204 },
  { method: 'get', path: '/api/stats', summary: 'Usage, cost, cache hit rate and latency', tag: 'stats', response: contract.statsResponseSchema },
  {
    method: 'get',
    path: '/api/providers',
    summary: 'Providers: health, circuit, reachability and the registered kinds; admins also get keys (last four), base URLs and recent errors',
    tag: 'providers',
    response: contract.managedProvidersResponseSchema,
  },
  {
    method: 'post',
    path: '/api/providers',
    summary: 'Add a provider at run time (admin); keys are stored encrypted',
    tag: 'providers',
    admin: true,
    body: contract.createProviderSchema,
    status: 201,
    errors: { 409: 'the id is taken, or no PROVIDER_KEYS_SECRET to store keys with' },
    response: contract.managedProviderResponseSchema,
  },
  { method: 'get', path: '/api/providers/{id}', summary: 'One provider (admin)', tag: 'providers', admin: true, params: ['id'], response: contract.managedProviderResponseSchema },
  {
    method: 'patch',
    path: '/api/providers/{id}',
    summary: 'Change a provider added at run time (admin)',
    tag: 'providers',
    admin: true,
    params: ['id'],
    body: contract.updateProviderSchema,
    errors: { 409: 'configured by environment variables' },
    response: contract.managedProviderResponseSchema,
  },
  { method: 'delete', path: '/api/providers/{id}', summary: 'Delete a provider added at run time (admin)', tag: 'providers', admin: true, params: ['id'], status: 204, errors: { 409: 'configured by environment variables' } },
  { method: 'post', path: '/api/providers/{id}/test', summary: 'Test a provider (admin)', tag: 'providers', admin: true, params: ['id'], response: contract.providerTestResponseSchema },
  { method: 'post', path: '/api/providers/{id}/toggle', summary: 'Enable or disable a provider (admin); a disabled one serves nothing', tag: 'providers', admin: true, params: ['id'], response: contract.managedProviderResponseSchema },
  {
    method: 'post',
    path: '/api/providers/{id}/roll-key',
    summary: 'Move the key rotation on to the next key (admin)',
    tag: 'providers',
    admin: true,
    params: ['id'],
    errors: { 409: 'fewer than two keys' },
    response: contract.managedProviderResponseSchema,
  },

  { method: 'get', path: '/api/providers/{id}/models', summary: "Discovery: the models the provider offers now (its GET /models) (admin)", tag: 'providers', admin: true, params: ['id'], errors: { 502: 'the provider did not answer' }, response: contract.discoveredModelsResponseSchema },
  { method: 'get', path: '/api/models', summary: 'Every model on offer: price, context window, capabilities', tag: 'providers', response: contract.modelsResponseSchema },
  {
    method: 'get',
    path: '/api/autodecide/{model}',
    summary: 'Which enabled providers serve a model, in the order the router tries them',
    tag: 'providers',
    params: ['model'],
    query: contract.autodecideQuerySchema,
    errors: { 404: 'no enabled provider serves the model' },
    response: contract.autodecideResponseSchema,
  },

  { method: 'get', path: '/api/policy', summary: 'The routing policy in force, its version and each tier\'s chain (admin)', tag: 'policy', admin: true, response: contract.policyResponseSchema },
  {
    method: 'put',
    path: '/api/policy',
    summary: "Replace the routing policy (admin): the policy file's JSON, checked by the same schema",
    tag: 'policy',
    admin: true,
    body: contract.replacePolicySchema,
    errors: { 409: 'the policy changed since expectedVersion' },
    response: contract.policyResponseSchema,
  },
  { method: 'delete', path: '/api/policy', summary: "Back to the environment's policy (admin)", tag: 'policy', admin: true, response: contract.policyResponseSchema },
  { method: 'get', path: '/api/policy/versions', summary: 'The last changes of the policy (admin)', tag: 'policy', admin: true, response: contract.policyVersionsResponseSchema },
  {
    method: 'post',
    path: '/api/policy/dry-run',
    summary: 'How the last N routed requests would route under a policy (admin)',
    tag: 'policy',
    admin: true,
    body: contract.policyDryRunRequestSchema,
    response: contract.policyDryRunResponseSchema,
  },

  { method: 'get', path: '/api/users', summary: 'Every account with what it owns (admin)', tag: 'users', admin: true, response: contract.managedUsersResponseSchema },
  { method: 'get', path: '/api/users/{id}', summary: 'One account (admin)', tag: 'users', admin: true, params: ['id'], response: contract.managedUserResponseSchema },
  {
    method: 'patch',
    path: '/api/users/{id}',
    summary: 'Change the role, or disable and re-enable an account (admin)',
    tag: 'users',
    admin: true,
    params: ['id'],
    body: contract.updateUserSchema,
    errors: { 409: 'your own account, the last administrator, or the ADMIN_API_KEY account' },
    response: contract.managedUserResponseSchema,
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset-password',
    summary: "Set a new password, or a generated one shown once; the user's earlier sessions end (admin)",
    tag: 'users',
    admin: true,
    params: ['id'],
    body: contract.resetPasswordSchema,
    response: contract.resetPasswordResponseSchema,
  },
  {
    method: 'delete',
    path: '/api/users/{id}',
    summary: 'Delete an account with its documents, conversations and API keys (admin)',
    tag: 'users',
    admin: true,
    params: ['id'],
    errors: { 409: 'your own account, the last administrator, or the ADMIN_API_KEY account' },
    response: contract.deletedUserResponseSchema,
  },

  {
    method: 'post',
    path: '/v1/chat/completions',
    summary: 'OpenAI chat completions: tools, structured output, n, streaming (model `auto` = the router; a parameter no allowed model honours is a 400 naming it)',
    tag: 'openai',
    body: contract.chatCompletionRequestSchema,
    response: openAiCompletion,
    stream: true,
  },
  { method: 'post', path: '/v1/responses', summary: "OpenAI's Responses API: instructions, function tools, previous_response_id (stored per user), streaming", tag: 'openai', body: contract.responsesRequestSchema, response: openAiResponse, stream: true },
  { method: 'post', path: '/v1/messages', summary: "Anthropic's Messages API (key as x-api-key or bearer): tool_use/tool_result, images, streaming", tag: 'openai', body: contract.anthropicMessagesRequestSchema, response: anthropicMessage, stream: true },
  {
    method: 'post',
    path: '/v1/messages/count_tokens',
    summary: "Anthropic's token count of a Messages request (as Claude Code calls it): Switchyard's estimate over system, messages, tools (images count 1,600 each); no provider is called",
    tag: 'openai',
    body: contract.anthropicCountTokensRequestSchema,
    response: z.object({ input_tokens: z.number().int() }),
  },
  { method: 'post', path: '/v1/embeddings', summary: 'Embeddings from the configured embedder as `switchyard-embed` (float or base64)', tag: 'openai', body: contract.embeddingsRequestSchema, response: openAiEmbeddings },
  { method: 'get', path: '/v1/models', summary: 'OpenAI-compatible model list, with capabilities; in Anthropic\'s shape and pages (`limit`, `after_id`, `before_id`) when the request has `anthropic-version`, as its SDKs send', tag: 'openai', response: openAiModels },
  { method: 'get', path: '/v1/models/{id}', summary: 'One model, with capabilities', tag: 'openai', params: ['id'], response: openAiModel },
];

const components: Record<string, z.ZodType> = {
  Error: contract.errorBodySchema,
  User: contract.userSchema,
  ApiKey: contract.apiKeySchema,
  Document: contract.documentSchema,
  DocumentEvent: contract.documentEventSchema,
  SearchHit: contract.searchHitSchema,
  Route: contract.routeSchema,
  Citation: contract.citationSchema,
  Usage: contract.usageSchema,
  Message: contract.messageSchema,
  Provider: contract.providerSchema,
  AuditEvent: contract.auditEventSchema,
  PasswordFeedback: contract.passwordFeedbackSchema,
};

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

export function openApiDocument(version = '0.1.0') {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API key (sy_…), a session token, or ADMIN_API_KEY' });
  // The contract's schemas were built before any `.openapi()` extension could run, so name them
  // in the generator's metadata registry directly; every use (nested ones too) becomes a $ref.
  for (const [name, schema] of Object.entries(components)) {
    if (!zodToOpenAPIRegistry.get(schema)) zodToOpenAPIRegistry.add(schema, { _internal: { refId: name } });
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: contract.errorBodySchema } } });
  for (const op of operations) {
    const status = op.status ?? 200;
    const content: Record<string, { schema: z.ZodType }> = {};
    if (op.response) content['application/json'] = { schema: op.response };
    if (op.stream) content['text/event-stream'] = { schema: op.response ?? z.string() };
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      tags: [op.tag],
      ...(op.public ? {} : { security: [{ bearer: [] }] }),
      request: {
        ...(op.params ? { params: z.object(Object.fromEntries(op.params.map((name) => [name, z.string()]))) } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.body || op.multipart
          ? {
              body: {
                content: {
                  ...(op.body ? { 'application/json': { schema: op.body } } : {}),
                  ...(op.multipart
                    ? {
                        'multipart/form-data': {
                          schema: z.object({ files: z.array(z.string().meta({ format: 'binary' })), sensitivity: contract.sensitivitySchema.optional() }),
                        },
                      }
                    : {}),
                },
              },
            }
          : {}),
      },
      responses: {
        [status]: { description: status === 204 ? 'done' : 'success', ...(Object.keys(content).length > 0 ? { content } : {}) },
        ...(op.body || op.multipart || op.params || op.query ? { 400: error('invalid input') } : {}),
        ...(op.public ? {} : { 401: error('missing or invalid token'), 429: error('rate limited (Retry-After)') }),
        ...(op.admin ? { 403: error('needs an administrator') } : {}),
        ...(op.params ? { 404: error('not found (or not yours)') } : {}),
        ...(op.multipart ? { 413: error('file too large or too many files'), 415: error('unsupported file type') } : {}),
        ...Object.fromEntries(Object.entries(op.errors ?? {}).map(([status, description]) => [status, error(description)])),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Switchyard API', version, description: 'Self-hostable RAG chat: documents, search, routed chat, OpenAI-compatible /v1.' },
  });
  return cached;
}

export function createDocsRouter(version?: string): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(version));
  });
  router.use('/docs', swaggerUi.serveFiles(undefined, { swaggerUrl: '/openapi.json' }), swaggerUi.setup(undefined, { swaggerUrl: '/openapi.json' }));
  return router;
}
