// The /v1 wire formats Switchyard accepts: OpenAI chat completions, OpenAI Responses, Anthropic
// Messages and embeddings, with the `switchyard` extension object. Every schema is strict: a
// parameter we do not know, or know and cannot honour, is refused with its name instead of being
// dropped. Answers follow each vendor's own wire format and are not described here.
import { z } from 'zod';

const SENSITIVITY = z.enum(['public', 'internal', 'confidential']);
const COMPLEXITY = z.enum(['simple', 'moderate', 'complex']);

/**
 * Switchyard's own options, in a `switchyard` object of the body (or the `x-switchyard-*`
 * headers): retrieval from the caller's documents and routing hints. All opt-in.
 */
export const switchyardOptionsSchema = z
  .object({
    /** Retrieve passages from the caller's documents and answer from them (citations come back in `switchyard.citations`). */
    useDocuments: z.boolean().optional(),
    /** Only these documents (the caller's own). Implies useDocuments. */
    documentIds: z.array(z.string().min(1).max(128)).min(1).max(100).optional(),
    /** Only these collections. Implies useDocuments. */
    collectionIds: z.array(z.string().min(1).max(128)).min(1).max(100).optional(),
    /** Can raise the detected sensitivity, never lower it. */
    sensitivity: SENSITIVITY.optional(),
    /** Replaces the complexity estimate. */
    complexity: COMPLEXITY.optional(),
  })
  .strict();
export type SwitchyardOptions = z.infer<typeof switchyardOptionsSchema>;

// ---------------------------------------------------------------------------------------
// OpenAI chat completions

const textPart = z.object({ type: z.literal('text'), text: z.string() }).strict();
const imagePart = z
  .object({
    type: z.literal('image_url'),
    image_url: z.object({ url: z.string().min(1), detail: z.enum(['auto', 'low', 'high']).optional() }).strict(),
  })
  .strict();
const refusalPart = z.object({ type: z.literal('refusal'), refusal: z.string() }).strict();
const textContent = z.union([z.string(), z.array(textPart)]);

export const toolCallSchema = z
  .object({
    id: z.string().min(1),
    type: z.literal('function'),
    function: z.object({ name: z.string().min(1), arguments: z.string() }).strict(),
  })
  .strict();

export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: textContent, name: z.string().optional() }).strict(),
  z.object({ role: z.literal('developer'), content: textContent, name: z.string().optional() }).strict(),
  z.object({ role: z.literal('user'), content: z.union([z.string(), z.array(z.union([textPart, imagePart]))]), name: z.string().optional() }).strict(),
  z
    .object({
      role: z.literal('assistant'),
      content: z.union([z.string(), z.array(z.union([textPart, refusalPart])), z.null()]).optional(),
      name: z.string().optional(),
      refusal: z.string().nullable().optional(),
      tool_calls: z.array(toolCallSchema).optional(),
    })
    .strict(),
  // `name` (the function's) is what some clients (LangChain) still send on tool results; it changes nothing.
  z.object({ role: z.literal('tool'), content: textContent, tool_call_id: z.string().min(1), name: z.string().optional() }).strict(),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const functionName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a function name is 1 to 64 letters, digits, _ and -');

export const chatToolSchema = z
  .object({
    type: z.literal('function'),
    function: z
      .object({
        name: functionName,
        description: z.string().optional(),
        parameters: z.record(z.string(), z.unknown()).optional(),
        strict: z.boolean().nullable().optional(),
      })
      .strict(),
  })
  .strict();

export const chatToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: functionName }).strict() }).strict(),
]);

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }).strict(),
  z.object({ type: z.literal('json_object') }).strict(),
  z
    .object({
      type: z.literal('json_schema'),
      json_schema: z
        .object({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a schema name is 1 to 64 letters, digits, _ and -'),
          description: z.string().optional(),
          schema: z.record(z.string(), z.unknown()).optional(),
          strict: z.boolean().nullable().optional(),
        })
        .strict(),
    })
    .strict(),
]);

const stopSchema = z.union([z.string().min(1), z.array(z.string().min(1)).max(4)]).nullable();

export const chatCompletionRequestSchema = z
  .object({
    model: z.string().min(1).default('auto'),
    messages: z.array(chatMessageSchema).min(1, 'messages must hold at least one message'),
    stream: z.boolean().nullable().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).strict().nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    max_tokens: z.number().int().min(1).nullable().optional(),
    max_completion_tokens: z.number().int().min(1).nullable().optional(),
    n: z.number().int().min(1).max(128).nullable().optional(),
    stop: stopSchema.optional(),
    seed: z.number().int().nullable().optional(),
    presence_penalty: z.number().min(-2).max(2).nullable().optional(),
    frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
    logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullable().optional(),
    logprobs: z.boolean().nullable().optional(),
    top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
    user: z.string().max(256).optional(),
    tools: z.array(chatToolSchema).max(128).optional(),
    tool_choice: chatToolChoiceSchema.optional(),
    parallel_tool_calls: z.boolean().nullable().optional(),
    response_format: responseFormatSchema.optional(),
    /** We keep no stored completions: only `false` is accepted. */
    store: z.literal(false).nullable().optional(),
    service_tier: z.enum(['auto', 'default']).nullable().optional(),
    switchyard: switchyardOptionsSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.top_logprobs !== undefined && body.top_logprobs !== null && body.logprobs !== true) {
      ctx.addIssue({ code: 'custom', path: ['top_logprobs'], message: 'top_logprobs needs logprobs: true' });
    }
    if (body.tool_choice !== undefined && body.tool_choice !== 'none' && (body.tools?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['tool_choice'], message: 'tool_choice needs tools' });
    }
    if (typeof body.tool_choice === 'object' && !body.tools?.some((t) => t.function.name === (body.tool_choice as { function: { name: string } }).function.name)) {
      ctx.addIssue({ code: 'custom', path: ['tool_choice'], message: 'tool_choice names a function that is not in tools' });
    }
  });
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

// ---------------------------------------------------------------------------------------
// OpenAI Responses

const responsesInputContent = z.union([
  z.string(),
  z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('input_text'), text: z.string() }).strict(),
      z.object({ type: z.literal('output_text'), text: z.string(), annotations: z.array(z.unknown()).optional(), logprobs: z.array(z.unknown()).optional() }).strict(),
      z.object({ type: z.literal('refusal'), refusal: z.string() }).strict(),
      z
        .object({
          type: z.literal('input_image'),
          image_url: z.string().min(1).optional(),
          file_id: z.string().optional(),
          detail: z.enum(['auto', 'low', 'high']).optional(),
        })
        .strict()
        .refine((part) => part.image_url !== undefined, { message: 'images must be given as image_url (files are not supported)', path: ['file_id'] }),
    ]),
  ),
]);

export const responsesInputItemSchema = z.union([
  z
    .object({
      type: z.literal('message').optional(),
      role: z.enum(['user', 'assistant', 'system', 'developer']),
      content: responsesInputContent,
      id: z.string().optional(),
      status: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('function_call'),
      call_id: z.string().min(1),
      name: z.string().min(1),
      namespace: z.string().min(1).optional(),
      arguments: z.string(),
      id: z.string().optional(),
      status: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('function_call_output'), call_id: z.string().min(1), output: z.string(), id: z.string().optional(), status: z.string().optional() }).strict(),
]);
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;

const responsesTextFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }).strict(),
  z.object({ type: z.literal('json_object') }).strict(),
  z
    .object({
      type: z.literal('json_schema'),
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      schema: z.record(z.string(), z.unknown()),
      description: z.string().optional(),
      strict: z.boolean().nullable().optional(),
    })
    .strict(),
]);

const responsesFunctionTool = z
  .object({
    type: z.literal('function'),
    name: functionName,
    description: z.string().nullable().optional(),
    parameters: z.record(z.string(), z.unknown()).nullable().optional(),
    strict: z.boolean().nullable().optional(),
  })
  .strict();

/** What joins a namespace and a tool's name in the name the model sees (`crm__find_customer`). */
export const TOOL_NAMESPACE_SEPARATOR = '__';

// Function tools grouped under a namespace (Codex sends its multi-agent tools so): the model sees
// each as `namespace__name`, and its calls come back as `{name, namespace}`.
const responsesNamespaceTool = z
  .object({
    type: z.literal('namespace'),
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a namespace is 1 to 64 letters, digits, _ and -'),
    description: z.string().nullable().optional(),
    tools: z.array(responsesFunctionTool).min(1).max(128),
  })
  .strict()
  .superRefine((namespace, ctx) => {
    namespace.tools.forEach((tool, index) => {
      if (namespace.name.length + TOOL_NAMESPACE_SEPARATOR.length + tool.name.length > 64) {
        ctx.addIssue({ code: 'custom', path: ['tools', index, 'name'], message: `"${namespace.name}${TOOL_NAMESPACE_SEPARATOR}${tool.name}" is longer than the 64 characters a tool name may have` });
      }
    });
  });

export const responsesRequestSchema = z
  .object({
    model: z.string().min(1).default('auto'),
    input: z.union([z.string(), z.array(responsesInputItemSchema).min(1)]),
    instructions: z.string().nullable().optional(),
    previous_response_id: z.string().min(1).max(128).nullable().optional(),
    // Extra output to include. Reasoning items' encrypted content (Codex asks for it) is included
    // in every reasoning item, and no model here returns any; the other extras (logprobs, search
    // results...) are not available.
    include: z
      .array(z.string())
      .refine((extras) => extras.every((extra) => extra === 'reasoning.encrypted_content'), { message: 'only "reasoning.encrypted_content" can be included here; no other extra output is available' })
      .nullable()
      .optional(),
    // Reasoning. A summary of it (Codex asks for one) summarises the reasoning items, and no model
    // here returns any; an effort needs a reasoning model, and none is served.
    reasoning: z
      .object({
        effort: z.literal('none', { message: 'no reasoning model is served here: only reasoning effort "none" is' }).nullable().optional(),
        summary: z.enum(['auto', 'concise', 'detailed']).nullable().optional(),
        generate_summary: z.enum(['auto', 'concise', 'detailed']).nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    // A hint for the provider's prompt cache: it can change what a request costs, never its answer.
    prompt_cache_key: z.string().max(256).nullable().optional(),
    // The client's own labels (Codex sends its session and turn ids), echoed like metadata.
    client_metadata: z.record(z.string(), z.string()).nullable().optional(),
    stream: z.boolean().nullable().optional(),
    store: z.boolean().nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    max_output_tokens: z.number().int().min(1).nullable().optional(),
    tools: z
      .array(
        z.discriminatedUnion('type', [responsesFunctionTool, responsesNamespaceTool], {
          error: 'only function tools (and namespaces of them) are served here; hosted tools such as web_search, file_search or code_interpreter are not',
        }),
      )
      .max(128)
      // Namespaced tools count one by one: the model is offered at most 128 functions, as without namespaces.
      .refine((tools) => tools.reduce((count, tool) => count + (tool.type === 'namespace' ? tool.tools.length : 1), 0) <= 128, { message: 'at most 128 function tools, counting those inside namespaces' })
      .optional(),
    tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.object({ type: z.literal('function'), name: functionName }).strict()]).optional(),
    parallel_tool_calls: z.boolean().nullable().optional(),
    text: z.object({ format: responsesTextFormat.optional() }).strict().optional(),
    user: z.string().max(256).optional(),
    metadata: z.record(z.string(), z.string()).nullable().optional(),
    truncation: z.literal('disabled').nullable().optional(),
    service_tier: z.enum(['auto', 'default']).nullable().optional(),
    switchyard: switchyardOptionsSchema.optional(),
  })
  .strict();
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;

// ---------------------------------------------------------------------------------------
// Anthropic Messages

const anthropicImage = z
  .object({
    type: z.literal('image'),
    source: z.discriminatedUnion('type', [
      z.object({ type: z.literal('base64'), media_type: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']), data: z.string().min(1) }).strict(),
      z.object({ type: z.literal('url'), url: z.string().url() }).strict(),
    ]),
    cache_control: z.unknown().optional(),
  })
  .strict();
const anthropicText = z.object({ type: z.literal('text'), text: z.string(), cache_control: z.unknown().optional(), citations: z.unknown().optional() }).strict();
const anthropicToolUse = z
  .object({ type: z.literal('tool_use'), id: z.string().min(1), name: z.string().min(1), input: z.unknown(), cache_control: z.unknown().optional() })
  .strict();
const anthropicToolResult = z
  .object({
    type: z.literal('tool_result'),
    tool_use_id: z.string().min(1),
    content: z.union([z.string(), z.array(z.union([anthropicText, anthropicImage]))]).optional(),
    is_error: z.boolean().optional(),
    cache_control: z.unknown().optional(),
  })
  .strict();

// An earlier answer's reasoning, sent back with it. Anthropic drops the thinking of earlier turns
// from what the model reads; Switchyard's models never produce it, so it is read and dropped.
const anthropicThinking = z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string().optional(), cache_control: z.unknown().optional() }).strict();
const anthropicRedactedThinking = z.object({ type: z.literal('redacted_thinking'), data: z.string(), cache_control: z.unknown().optional() }).strict();

/** Anthropic's effort: `high` behaves exactly as no effort at all (its documented default), which every model honours. */
const anthropicEffort = z
  .enum(['low', 'medium', 'high', 'xhigh', 'max'])
  .refine((effort) => effort === 'high', { message: 'only effort "high" (the default) is served: no model behind Switchyard takes another effort' });

// A system message mid-conversation (Claude Code sends them): instructions from that point on,
// text only; `clear_at: "next_user_message"` shows it only until a later user message exists.
const anthropicSystemMessage = z
  .object({
    role: z.literal('system'),
    content: z.union([z.string(), z.array(anthropicText)]).optional(),
    clear_at: z.enum(['never', 'next_user_message']).nullable().optional(),
    output_config: z.object({ effort: anthropicEffort.nullable().optional() }).strict().nullable().optional(),
  })
  .strict();

export const anthropicMessageSchema = z.union([
  z
    .object({
      role: z.enum(['user', 'assistant']),
      content: z.union([
        z.string(),
        z.array(z.discriminatedUnion('type', [anthropicText, anthropicImage, anthropicToolUse, anthropicToolResult, anthropicThinking, anthropicRedactedThinking])),
      ]),
    })
    .strict(),
  anthropicSystemMessage,
]);
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

export const anthropicMessagesRequestSchema = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int().min(1),
    messages: z.array(anthropicMessageSchema).min(1, 'messages must hold at least one message'),
    system: z.union([z.string(), z.array(anthropicText)]).optional(),
    stream: z.boolean().optional(),
    temperature: z.number().min(0).max(1).optional(),
    top_p: z.number().min(0).max(1).optional(),
    stop_sequences: z.array(z.string().min(1)).optional(),
    metadata: z.object({ user_id: z.string().max(256).nullable().optional() }).strict().optional(),
    tools: z
      .array(
        z
          .object({
            name: functionName,
            description: z.string().optional(),
            input_schema: z.record(z.string(), z.unknown()),
            type: z.literal('custom').optional(),
            cache_control: z.unknown().optional(),
            // Fine-grained tool input streaming (the AI SDK sends it): only how the input's JSON is
            // chunked on the stream changes, which the answer does not depend on.
            eager_input_streaming: z.boolean().optional(),
          })
          .strict(),
      )
      .max(128)
      .optional(),
    tool_choice: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }).strict(),
        z.object({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }).strict(),
        z.object({ type: z.literal('tool'), name: functionName, disable_parallel_tool_use: z.boolean().optional() }).strict(),
        z.object({ type: z.literal('none') }).strict(),
      ])
      .optional(),
    // Structured outputs: the answer is JSON that fits the schema. Other output_config keys
    // (effort, task_budget) are refused by .strict(), not dropped.
    output_config: z
      .object({
        format: z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).strict().optional(),
        // A lower or higher effort than the default needs a model that takes one; none here does.
        effort: anthropicEffort.nullable().optional(),
      })
      .strict()
      .optional(),
    // Extended thinking. Switchyard's models return no thinking blocks, so `adaptive` (the model
    // decides whether to think) and `disabled` are honoured; `enabled` (a thinking budget that
    // must be spent) is refused.
    thinking: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('adaptive'), display: z.enum(['summarized', 'omitted']).optional() }).strict(),
        z.object({ type: z.literal('disabled') }).strict(),
        z.object({ type: z.literal('enabled'), budget_tokens: z.number().int().min(1) }).strict(),
      ])
      .refine((thinking) => thinking.type !== 'enabled', { message: 'thinking "enabled" is not served: no model behind Switchyard returns thinking; use "adaptive" or "disabled"' })
      .optional(),
    // Context editing: clearing earlier thinking is all there is to do, and it is already done
    // (earlier turns' thinking never reaches the model). Clearing tool results is not served.
    context_management: z
      .object({
        edits: z.array(
          z
            .object({
              type: z.literal('clear_thinking_20251015'),
              keep: z.union([z.literal('all'), z.object({ type: z.literal('thinking_turns'), value: z.number().int().min(0) }).strict()]).optional(),
            })
            .strict(),
        ),
      })
      .strict()
      .optional(),
    switchyard: switchyardOptionsSchema.optional(),
  })
  .strict();
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;

/**
 * POST /v1/messages/count_tokens: what a Messages request would send, without generation
 * settings (Anthropic refuses those here too: max_tokens, stream, temperature...).
 */
export const anthropicCountTokensRequestSchema = anthropicMessagesRequestSchema
  .pick({ model: true, messages: true, system: true, tools: true, tool_choice: true, output_config: true, thinking: true, context_management: true })
  .strict();
export type AnthropicCountTokensRequest = z.infer<typeof anthropicCountTokensRequestSchema>;

/** GET /v1/models as Anthropic's SDKs page it: `limit` (1-1000, 20 by default) after or before a model id. */
export const anthropicModelsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(20),
    after_id: z.string().min(1).optional(),
    before_id: z.string().min(1).optional(),
    // `client.beta.models.list()` marks its calls `?beta=true`; the list is the same.
    beta: z.enum(['true', 'false']).optional(),
  })
  .strict()
  .refine((q) => q.after_id === undefined || q.before_id === undefined, { message: 'give after_id or before_id, not both', path: ['before_id'] });
export type AnthropicModelsQuery = z.infer<typeof anthropicModelsQuerySchema>;

// ---------------------------------------------------------------------------------------
// Embeddings

export const embeddingsRequestSchema = z
  .object({
    model: z.string().min(1),
    input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
    encoding_format: z.enum(['float', 'base64']).optional(),
    dimensions: z.number().int().min(1).optional(),
    user: z.string().max(256).optional(),
  })
  .strict();
export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;
