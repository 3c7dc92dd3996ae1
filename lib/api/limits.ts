// Request body limits, declared once: server.ts refuses a declared Content-Length above them before
// anything is read, and lib/api/parse.ts stops reading a body (chunked, no length) past them.
export const JSON_BODY_LIMIT = 1024 * 1024; // 1 MB: JSON and every other non-upload body
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024; // 10 MB: multipart uploads (invoice PDFs, imports)

/** The limit for a request with this Content-Type. */
export const bodyLimitFor = (contentType: string | null | undefined) =>
  (contentType ?? "").toLowerCase().startsWith("multipart/form-data") ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT;
