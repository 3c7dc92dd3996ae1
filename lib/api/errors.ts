// One error type with a closed set of codes, mapped to HTTP statuses. Domain code throws it;
// only handleApiError turns it (or anything else) into a Response.
export const errorCodes = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.headers = opts.headers;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** One field problem, the shape every 400/413/422 carries in `details` (as zodIssues produces). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An AppError naming one field: message "field: message", details [{ field, message }]. */
export const fieldError = (code: ErrorCode, field: string, message: string, opts: { cause?: unknown } = {}) =>
  new AppError(code, `${field}: ${message}`, { details: [{ field, message }] satisfies FieldIssue[], cause: opts.cause });
