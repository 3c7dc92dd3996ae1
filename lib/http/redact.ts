/** Secrets that must never reach the request log: token query values and invoice file tokens in paths. */
export const redactUrl = (url: string) =>
  url
    .replace(/([?&](?:token|access_token|password)=)[^&]*/gi, "$1[redacted]")
    .replace(/(\/api\/v1\/files\/invoices\/)[^/?#]+/i, "$1[redacted]");
