// The one browser HTTP client. Same-origin JSON with the session cookie; every non-2xx answer
// is unpacked from the API's `{ error: { code, message, details? } }` body into an ApiClientError.
export interface ApiFieldError {
  field: string;
  message?: string;
}

export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation/conflict details that name a form field. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ApiFieldError => typeof d === "object" && d !== null && typeof (d as ApiFieldError).field === "string",
    );
  }
}

export const isApiClientError = (e: unknown): e is ApiClientError => e instanceof ApiClientError;

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

const fallbackCodes: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "unprocessable_entity",
  429: "rate_limited",
  503: "unavailable",
};

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  // Only same-origin paths: the session cookie must never travel to another host.
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`api-client: expected a same-origin path, got ${path}`);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toError(res: Response, body: unknown): ApiClientError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (err && typeof err.code === "string" && typeof err.message === "string") {
    return new ApiClientError(res.status, err.code, err.message, err.details);
  }
  const code = fallbackCodes[res.status] ?? (res.status >= 500 ? "internal_error" : "http_error");
  return new ApiClientError(res.status, code, `Request failed (${res.status}${res.statusText ? ` ${res.statusText}` : ""})`);
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const hasBody = opts.body !== undefined;
  // A FormData body (file upload) goes as multipart; the browser sets its boundary header.
  const isForm = typeof FormData !== "undefined" && opts.body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: "include",
      cache: "no-store",
      headers: { Accept: "application/json", ...(hasBody && !isForm ? { "Content-Type": "application/json" } : {}), ...opts.headers },
      body: isForm ? (opts.body as FormData) : hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    // Cancellation is not a failure: let react-query see the AbortError as such.
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiClientError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  const body = await readBody(res);
  if (!res.ok) throw toError(res, body);
  return body as T;
}

/** A file answer (e.g. CSV export): same URL rules and error unpacking as JSON calls. */
async function download(path: string, opts: Omit<RequestOptions, "body"> = {}): Promise<{ blob: Blob; filename: string | null }> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { credentials: "include", cache: "no-store", signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiClientError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!res.ok) throw toError(res, await readBody(res));
  const disposition = res.headers.get("Content-Disposition") ?? "";
  const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await res.blob(), filename };
}

export const api = {
  download,
  get: <T>(path: string, opts?: Omit<RequestOptions, "body">) => request<T>("GET", path, opts),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, "body">) => request<T>("POST", path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, "body">) => request<T>("PUT", path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: Omit<RequestOptions, "body">) => request<T>("PATCH", path, { ...opts, body }),
  delete: <T>(path: string, opts?: Omit<RequestOptions, "body">) => request<T>("DELETE", path, opts),
};

/** The API's list envelope. */
export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
}
