// Where to go after sign-in. Only same-origin paths are honoured (no open redirects), and
// never the login page itself (that would loop).
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/";
  let path = raw;
  if (/^[a-z][a-z\d+.-]*:/i.test(raw)) {
    // next-auth may hand us an absolute URL; keep only its path so the origin is always ours.
    try {
      const url = new URL(raw);
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return "/";
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/login/")) return "/";
  return path;
}
