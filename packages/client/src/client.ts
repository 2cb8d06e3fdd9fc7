// A typed client for the Switchyard HTTP API. Works in browsers and Node 20+ (global fetch).
import { z } from 'zod';
import {
  auditResponseSchema,
  authResponseSchema,
  authStatusSchema,
  chatResponseSchema,
  chatStreamEventSchemas,
  collectionResponseSchema,
  collectionsResponseSchema,
  conversationDetailResponseSchema,
  conversationSearchResponseSchema,
  conversationSummarySchema,
  conversationsResponseSchema,
  forkConversationResponseSchema,
  createdApiKeySchema,
  documentEventSchema,
  documentPassagesResponseSchema,
  documentResponseSchema,
  documentsResponseSchema,
  errorBodySchema,
  autodecideResponseSchema,
  discoveredModelsResponseSchema,
  deletedUserResponseSchema,
  managedProviderResponseSchema,
  managedUserResponseSchema,
  managedUsersResponseSchema,
  resetPasswordResponseSchema,
  modelsResponseSchema,
  policyDryRunResponseSchema,
  policyResponseSchema,
  policyVersionsResponseSchema,
  managedProvidersResponseSchema,
  providerTestResponseSchema,
  routeResponseSchema,
  searchResponseSchema,
  statsResponseSchema,
  updateDocumentResponseSchema,
  uploadResponseSchema,
  apiKeysResponseSchema,
  userResponseSchema,
  type AddCollectionMember,
  type AuditEventType,
  type ChatResponse,
  type ChatStreamEvent,
  type CreateCollection,
  type CreateProvider,
  type CreateTextDocument,
  type CreateUser,
  type Credentials,
  type DocumentEvent,
  type PolicyDocument,
  type DocumentPassagesQuery,
  type RegenerateChatRequest,
  type RouteRequest,
  type SearchRequest,
  type UpdateUser,
  type Sensitivity,
  type UpdateDocument,
  type UpdateProvider,
} from './schemas';
import { parseServerSentEvents } from './sse';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** e.g. `http://localhost:4000`; empty string for same-origin requests in a browser. */
  baseUrl?: string;
  /** An API key or session token. */
  token?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

export type SwitchyardClient = ReturnType<typeof createClient>;

export function createClient(options: ClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  let token = options.token;

  /** A chat request as sent: `regenerate` asks the model again instead of the answer cache. */
  type ChatBody = Omit<RegenerateChatRequest, 'stream'>;
  const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
  const summaryResponseSchema = z.object({ conversation: conversationSummarySchema });

  async function raw(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (init.body && typeof init.body === 'string') headers.set('content-type', 'application/json');
    const response = await doFetch(`${baseUrl}${path}`, { ...init, headers });
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function request<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}): Promise<z.infer<S>> {
    const response = await raw(path, init);
    return schema.parse(await response.json());
  }

  const json = (method: string, body?: unknown): RequestInit => ({
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return {
    setToken(next: string | undefined) {
      token = next;
    },
    signup: (body: Credentials) => request(authResponseSchema, '/api/auth/signup', json('POST', body)),
    login: (body: Credentials) => request(authResponseSchema, '/api/auth/login', json('POST', body)),
    logout: async () => {
      await raw('/api/auth/logout', json('POST'));
    },
    me: () => request(userResponseSchema, '/api/auth/me'),
    /** No token needed: whether this is a first run and whether sign-up is open. */
    authStatus: () => request(authStatusSchema, '/api/auth/status'),
    createUser: (body: CreateUser) => request(userResponseSchema, '/api/users', json('POST', body)),

    /** User management (admins): every account with what it owns. */
    listUsers: () => request(managedUsersResponseSchema, '/api/users'),
    getUser: (id: string) => request(managedUserResponseSchema, `/api/users/${encodeURIComponent(id)}`),
    /** Change the role, or disable (`disabled: true`) and re-enable an account. */
    updateUser: (id: string, change: UpdateUser) => request(managedUserResponseSchema, `/api/users/${encodeURIComponent(id)}`, json('PATCH', change)),
    /** Sets `password`, or a generated one returned once; the user's earlier sessions end. */
    resetUserPassword: (id: string, password?: string) =>
      request(resetPasswordResponseSchema, `/api/users/${encodeURIComponent(id)}/reset-password`, json('POST', password === undefined ? {} : { password })),
    /** Deletes the account with its documents, conversations and API keys; says how many. */
    deleteUser: (id: string) => request(deletedUserResponseSchema, `/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' }),

    /** Your keys; an admin may pass another user's id to list theirs (never the secrets). */
    listKeys: (userId?: string) => request(apiKeysResponseSchema, userId === undefined ? '/api/keys' : `/api/keys?userId=${encodeURIComponent(userId)}`),
    createKey: (name = 'default') => request(createdApiKeySchema, '/api/keys', json('POST', { name })),
    revokeKey: async (id: string) => {
      await raw(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },

    /**
     * Uploads files; each gets its own result (`results`, in order, naming the file), so a refused
     * file does not stop the others. When none is accepted this throws the first refusal, with
     * every file's result in `details.results`.
     */
    uploadFiles: (files: { name: string; data: Blob }[], fields: { sensitivity?: string; collectionId?: string } = {}) => {
      const form = new FormData();
      if (fields.collectionId) form.append('collectionId', fields.collectionId);
      for (const file of files) form.append('files', file.data, file.name);
      if (fields.sensitivity) form.append('sensitivity', fields.sensitivity);
      return request(uploadResponseSchema, '/api/documents', { method: 'POST', body: form });
    },
    uploadText: (body: CreateTextDocument) => request(documentsResponseSchema, '/api/documents', json('POST', body)),
    /** The documents of every collection you can read, or of one. */
    listDocuments: (query: { collectionId?: string } = {}) =>
      request(documentsResponseSchema, query.collectionId ? `/api/documents?${new URLSearchParams({ collectionId: query.collectionId }).toString()}` : '/api/documents'),

    // Collections: create, list, rename, delete, share
    listCollections: () => request(collectionsResponseSchema, '/api/collections'),
    createCollection: (body: CreateCollection) => request(collectionResponseSchema, '/api/collections', json('POST', body)),
    getCollection: (id: string) => request(collectionResponseSchema, `/api/collections/${encodeURIComponent(id)}`),
    renameCollection: (id: string, name: string) => request(collectionResponseSchema, `/api/collections/${encodeURIComponent(id)}`, json('PATCH', { name })),
    /** Deletes the collection with its documents and its index (owner). */
    deleteCollection: async (id: string) => {
      await raw(`/api/collections/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    /** Adds a member or changes their role (owner). */
    addCollectionMember: (id: string, body: AddCollectionMember) => request(collectionResponseSchema, `/api/collections/${encodeURIComponent(id)}/members`, json('POST', body)),
    /** Removes a member (owner), or leaves the collection (a member removing themselves). */
    removeCollectionMember: async (id: string, userId: string) => {
      await raw(`/api/collections/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
    },
    getDocument: (id: string) => request(documentResponseSchema, `/api/documents/${encodeURIComponent(id)}`),
    /** The owner sets the title or the label (a floor for every passage); notes say how the label came out. */
    updateDocument: (id: string, body: UpdateDocument) => request(updateDocumentResponseSchema, `/api/documents/${encodeURIComponent(id)}`, json('PATCH', body)),
    /** A page of the document's passages in order, each with its own label. */
    documentPassages: (id: string, query: DocumentPassagesQuery = {}) => {
      const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
      const suffix = params.toString() ? `?${params.toString()}` : '';
      return request(documentPassagesResponseSchema, `/api/documents/${encodeURIComponent(id)}/passages${suffix}`);
    },
    /** Where the original file is served: inline for a preview, or as a download. */
    documentFileUrl: (id: string, options: { download?: boolean } = {}) =>
      `${baseUrl}/api/documents/${encodeURIComponent(id)}/file${options.download ? '?download=1' : ''}`,
    /** The original file's bytes (for a preview). */
    documentFile: async (id: string, signal?: AbortSignal): Promise<Blob> => (await raw(`/api/documents/${encodeURIComponent(id)}/file`, { signal })).blob(),
    deleteDocument: async (id: string) => {
      await raw(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    /** Status and progress events until the document is ready or failed. */
    async *documentEvents(id: string, signal?: AbortSignal): AsyncGenerator<DocumentEvent> {
      const response = await raw(`/api/documents/${encodeURIComponent(id)}/events`, { headers: { accept: 'text/event-stream' }, signal });
      for await (const message of parseServerSentEvents(response, signal)) {
        if (message.event === 'status') yield documentEventSchema.parse(JSON.parse(message.data));
      }
    },

    search: (body: SearchRequest) => request(searchResponseSchema, '/api/search', json('POST', body)),
    route: (body: RouteRequest) => request(routeResponseSchema, '/api/route', json('POST', body)),
    chat: (body: ChatBody) => request(chatResponseSchema, '/api/chat', json('POST', { ...body, stream: false })),
    /** A streamed chat: yields route, delta, citations and finally done (or error) events. */
    async *chatStream(body: ChatBody, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent> {
      const response = await raw('/api/chat', { ...json('POST', { ...body, stream: true }), headers: { accept: 'text/event-stream' }, signal });
      for await (const message of parseServerSentEvents(response, signal)) {
        const schema = chatStreamEventSchemas[message.event as keyof typeof chatStreamEventSchemas];
        if (!schema) continue;
        yield { event: message.event, data: schema.parse(JSON.parse(message.data)) } as ChatStreamEvent;
      }
    },
    /** Resolves with the final answer of a streamed chat, calling onDelta for each piece. */
    async chatStreamed(body: ChatBody, onDelta: (text: string) => void, signal?: AbortSignal): Promise<ChatResponse> {
      for await (const event of this.chatStream(body, signal)) {
        if (event.event === 'delta') onDelta(event.data.text);
        if (event.event === 'done') return event.data;
        if (event.event === 'error') throw new ApiError(502, event.data.error.code, event.data.error.message, event.data.error.details);
      }
      throw new ApiError(502, 'stream_ended', 'the answer stream ended before it was done');
    },

    listConversations: () => request(conversationsResponseSchema, '/api/conversations'),
    /** Conversations whose title or messages contain `query`, each with where it matched. */
    searchConversations: (query: string) => request(conversationSearchResponseSchema, `/api/conversations?${new URLSearchParams({ q: query }).toString()}`),
    /** The active messages and the earlier versions (branches) of a conversation. */
    getConversation: (id: string) => request(conversationDetailResponseSchema, conversationPath(id)),
    renameConversation: (id: string, title: string) => request(summaryResponseSchema, conversationPath(id), json('PATCH', { title })),
    /** Deleted conversations can be restored for a while (undo). */
    deleteConversation: async (id: string) => {
      await raw(conversationPath(id), { method: 'DELETE' });
    },
    restoreConversation: (id: string) => request(summaryResponseSchema, `${conversationPath(id)}/restore`, json('POST')),
    /**
     * Starts a new version at a message (a question to edit, or an answer to regenerate); the
     * earlier messages from there on stay reachable as a branch. Then send `message` (edited or
     * not) with chatStream({conversationId, regenerate?}).
     */
    forkConversation: (id: string, messageId: string) => request(forkConversationResponseSchema, `${conversationPath(id)}/branches`, json('POST', { messageId })),
    /** Makes an earlier version current again (the current one becomes a branch). */
    activateBranch: (id: string, branchId: string) =>
      request(conversationDetailResponseSchema, `${conversationPath(id)}/branches/${encodeURIComponent(branchId)}/activate`, json('POST')),

    /** Usage: admins see everyone's unless `scope: 'me'`; everyone else always sees their own. */
    stats: (query: { scope?: 'all' | 'me'; hours?: number } = {}) => {
      const params = new URLSearchParams();
      if (query.scope) params.set('scope', query.scope);
      if (query.hours !== undefined) params.set('hours', String(query.hours));
      const search = params.toString();
      return request(statsResponseSchema, `/api/stats${search ? `?${search}` : ''}`);
    },
    /** The audit trail (admins only), newest first: `before` is a previous page's `nextBefore`. */
    audit: (query: { limit?: number; before?: string; type?: AuditEventType[] } = {}) => {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.before) params.set('before', query.before);
      if (query.type && query.type.length > 0) params.set('type', query.type.join(','));
      const search = params.toString();
      return request(auditResponseSchema, `/api/audit${search ? `?${search}` : ''}`);
    },
    /** Every provider with its health; admins also get keys (last four characters), base URLs and recent errors. */
    providers: () => request(managedProvidersResponseSchema, '/api/providers'),
    testProvider: (id: string) => request(providerTestResponseSchema, `/api/providers/${encodeURIComponent(id)}/test`, json('POST')),
    createProvider: (body: CreateProvider) => request(managedProviderResponseSchema, '/api/providers', json('POST', body)),
    getProvider: (id: string) => request(managedProviderResponseSchema, `/api/providers/${encodeURIComponent(id)}`),
    updateProvider: (id: string, patch: UpdateProvider) => request(managedProviderResponseSchema, `/api/providers/${encodeURIComponent(id)}`, json('PATCH', patch)),
    deleteProvider: async (id: string) => {
      await raw(`/api/providers/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    /** Enabled <-> disabled. */
    toggleProvider: (id: string) => request(managedProviderResponseSchema, `/api/providers/${encodeURIComponent(id)}/toggle`, json('POST')),
    /** Moves the provider's key rotation on to its next key. */
    rollProviderKey: (id: string) => request(managedProviderResponseSchema, `/api/providers/${encodeURIComponent(id)}/roll-key`, json('POST')),
    /** Discovery: the models a provider offers now (its own `GET /models`). Admins. */
    discoverModels: (providerId: string) => request(discoveredModelsResponseSchema, `/api/providers/${encodeURIComponent(providerId)}/models`),
    /** The routing policy in force (admins), its version and each tier's chain. */
    policy: () => request(policyResponseSchema, '/api/policy'),
    /** Replaces the policy; with `expectedVersion`, refused (409) if it changed since you read it. */
    replacePolicy: (policy: PolicyDocument, expectedVersion?: number) =>
      request(policyResponseSchema, '/api/policy', json('PUT', { policy, ...(expectedVersion === undefined ? {} : { expectedVersion }) })),
    /** Back to the environment's policy (ROUTER_POLICY_FILE or the default). */
    resetPolicy: () => request(policyResponseSchema, '/api/policy', { method: 'DELETE' }),
    policyVersions: () => request(policyVersionsResponseSchema, '/api/policy/versions'),
    /** How the last `limit` routed requests would route under `policy`. */
    policyDryRun: (policy: PolicyDocument, limit?: number) =>
      request(policyDryRunResponseSchema, '/api/policy/dry-run', json('POST', { policy, ...(limit === undefined ? {} : { limit }) })),
    /** Every model on offer, with price, context window and capabilities. */
    models: () => request(modelsResponseSchema, '/api/models'),
    /** Which enabled providers serve `model`, in the order the router tries them. */
    autodecide: (model: string, sensitivity?: Sensitivity) =>
      request(autodecideResponseSchema, `/api/autodecide/${encodeURIComponent(model)}${sensitivity ? `?sensitivity=${sensitivity}` : ''}`),
  };
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = errorBodySchema.parse(JSON.parse(text));
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(response.status, 'http_error', `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
}
