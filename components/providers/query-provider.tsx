"use client";
// One QueryClient per browser tab; its error handler raises antd notifications (the central
// place for query and mutation failures) and sends 401s to the login page.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { App } from "antd";
import { QueryClientProvider } from "@tanstack/react-query";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError, redirectToLogin } from "@/lib/ui/error-message";
import { createQueryClient, type ErrorReporter } from "@/lib/ui/query-client";

export function QueryProvider({ children }: { children: ReactNode }) {
  const { notification } = App.useApp();
  const report = useRef<ErrorReporter>(() => undefined);

  useEffect(() => {
    report.current = (error) => {
      if (isApiClientError(error) && error.status === 401) {
        redirectToLogin();
        return;
      }
      const { title, description } = describeError(error);
      // Keyed by content so a failing poll replaces its notification instead of stacking copies.
      notification.error({ key: `${title}:${description}`, title, description });
    };
  }, [notification]);

  const [client] = useState(() => createQueryClient((error) => report.current(error)));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
