// The one error type the eMAG client throws. Messages carry eMAG's own text and the route,
// never request headers or credentials, so they are safe to log and to show in the UI.

export type EmagErrorCode =
  | "api_error" // HTTP 200 with isError:true (business or validation error)
  | "auth" // 401/403, or "You are not allowed to use this API." / "Invalid vendor ip"
  | "rate_limited" // HTTP 429 from the gateway
  | "server" // 5xx
  | "http" // other non-2xx (offer_stock 400/404, unknown route)
  | "timeout"
  | "network"
  | "invalid_response" // not JSON, or a shape the schemas reject
  | "invalid_request"; // refused locally before sending

const RETRYABLE: ReadonlySet<EmagErrorCode> = new Set(["rate_limited", "server", "timeout", "network"]);

export type EmagErrorDetails = {
  account: string;
  resource: string;
  action: string;
  status?: number;
  messages?: string[];
  /** Raw `results` of an isError response (eMAG echoes the rejected entities there). */
  results?: unknown;
  cause?: unknown;
};

export class EmagApiError extends Error {
  override readonly name = "EmagApiError";
  readonly code: EmagErrorCode;
  readonly account: string;
  readonly resource: string;
  readonly action: string;
  readonly status: number | undefined;
  readonly messages: string[];
  readonly results: unknown;
  readonly retryable: boolean;

  constructor(code: EmagErrorCode, summary: string, details: EmagErrorDetails) {
    const messages = details.messages ?? [];
    const route = `${details.resource}/${details.action}`;
    const tail = messages.length ? `: ${messages.join("; ")}` : "";
    super(`eMAG ${details.account} ${route} ${summary}${tail}`, details.cause ? { cause: details.cause } : undefined);
    this.code = code;
    this.account = details.account;
    this.resource = details.resource;
    this.action = details.action;
    this.status = details.status;
    this.messages = messages;
    this.results = details.results;
    this.retryable = RETRYABLE.has(code);
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      account: this.account,
      resource: this.resource,
      action: this.action,
      status: this.status,
      messages: this.messages,
    };
  }
}

export const isEmagApiError = (e: unknown): e is EmagApiError => e instanceof EmagApiError;

const AUTH_PATTERNS = [/not allowed to use this API/i, /Invalid vendor ip/i];
export const looksLikeAuthFailure = (messages: string[]) =>
  messages.some((m) => AUTH_PATTERNS.some((p) => p.test(m)));
