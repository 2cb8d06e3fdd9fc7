export type RouterErrorCode =
  | 'no_local_provider'
  | 'all_providers_failed'
  | 'model_not_allowed'
  | 'model_not_found'
  | 'unsupported_parameter'
  | 'context_length_exceeded'
  | 'aborted'
  | 'upstream_timeout';

const STATUS: Record<RouterErrorCode, number> = {
  no_local_provider: 503,
  all_providers_failed: 502,
  model_not_allowed: 400,
  model_not_found: 404,
  unsupported_parameter: 400,
  context_length_exceeded: 400,
  aborted: 499,
  upstream_timeout: 504,
};

/** The one error the router throws. `status` is the HTTP status the API should answer with. */
export class RouterError extends Error {
  readonly code: RouterErrorCode;
  readonly status: number;
  readonly retryAfterSeconds?: number;
  readonly attempts?: { provider: string; model: string; ok: boolean; error?: string; latencyMs: number }[];
  /** The request parameter at fault (OpenAI's `param`): `model`, `tools`, `response_format`... */
  readonly param?: string;

  constructor(
    code: RouterErrorCode,
    message: string,
    extra: { retryAfterSeconds?: number; attempts?: RouterError['attempts']; param?: string } = {},
  ) {
    super(message);
    this.name = 'RouterError';
    this.code = code;
    this.status = STATUS[code];
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.attempts) this.attempts = extra.attempts;
    if (extra.param !== undefined) this.param = extra.param;
  }
}
