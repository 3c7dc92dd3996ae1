"use client";
// Providers every page needs: antd theme + App (message/notification hooks), the next-auth
// session and react-query. The socket provider lives in the admin shell only.
import type { ReactNode } from "react";
import { App, ConfigProvider } from "antd";
import { SessionProvider } from "next-auth/react";
import { appTheme } from "@/components/providers/theme";
import { QueryProvider } from "@/components/providers/query-provider";

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={appTheme}>
      <App message={{ maxCount: 3 }} notification={{ placement: "topRight", maxCount: 4 }}>
        <SessionProvider>
          <QueryProvider>{children}</QueryProvider>
        </SessionProvider>
      </App>
    </ConfigProvider>
  );
}
