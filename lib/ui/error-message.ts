// Turns any thrown value into a title/description pair for notifications and inline alerts.
import { isApiClientError } from "@/lib/ui/api-client";

export interface ErrorText {
  title: string;
  description: string;
}

const titles: Record<number, string> = {
  0: "Connection problem",
  400: "Bad request",
  401: "Session expired",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  422: "Invalid input",
  429: "Too many requests",
};

export function describeError(error: unknown): ErrorText {
  if (isApiClientError(error)) {
    const title = titles[error.status] ?? (error.status >= 500 ? "Server error" : "Request failed");
    const description =
      error.status === 403 ? error.message || "Your role does not allow this action." : error.message || "Something went wrong.";
    return { title, description };
  }
  if (error instanceof Error && error.message) return { title: "Unexpected error", description: error.message };
  return { title: "Unexpected error", description: "Something went wrong." };
}

let redirecting = false;

/** Full navigation (not router.push) so every client cache and the socket start fresh after sign-in. */
export function redirectToLogin(): void {
  if (redirecting || typeof window === "undefined") return;
  if (window.location.pathname.startsWith("/login")) return;
  redirecting = true;
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?callbackUrl=${encodeURIComponent(back)}`);
}
