// The app's QueryClient: one place that decides retries and routes every failure to a single
// error handler (antd notifications are wired in by components/providers/query-provider.tsx).
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiClientError } from "@/lib/ui/api-client";

export interface AppQueryMeta extends Record<string, unknown> {
  /** Statuses the component shows itself (e.g. field errors on a form), so no notification is raised. */
  inlineErrorStatuses?: number[];
}

declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: AppQueryMeta;
    mutationMeta: AppQueryMeta;
  }
}

export type ErrorReporter = (error: unknown) => void;

const MAX_RETRIES = 2;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not fix themselves; network blips and 5xx get a couple more tries.
  if (isApiClientError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

function isInline(meta: AppQueryMeta | undefined, error: unknown): boolean {
  return isApiClientError(error) && !!meta?.inlineErrorStatuses?.includes(error.status);
}

export function createQueryClient(report: ErrorReporter): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A first load that fails renders its own error state (with a retry button), so only
        // failures of a background refetch, where stale data stays on screen, are notified.
        // 401 is always reported: it sends the user to the login page.
        const unauthorized = isApiClientError(error) && error.status === 401;
        if (unauthorized || (query.state.data !== undefined && !isInline(query.meta, error))) report(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!isInline(mutation.meta, error)) report(error);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 15_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
