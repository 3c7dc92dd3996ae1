"use client";
// Demo mode's first steps, on the dashboard until dismissed (per browser): where the admin
// password came from, how to connect the real eMAG accounts, and where the callback URLs go.
import { ApiOutlined, CloseOutlined, KeyOutlined, LinkOutlined, RocketOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import { systemQueries } from "@/lib/ui/queries/system";

const STORAGE_KEY = "magflow.getting-started.dismissed";
const listeners = new Set<() => void>();
const dismissedStore = {
  subscribe: (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn)),
  get: () => typeof window !== "undefined" && window.localStorage.getItem(STORAGE_KEY) === "1",
  set: () => {
    window.localStorage.setItem(STORAGE_KEY, "1");
    listeners.forEach((l) => l());
  },
};

function Step({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex gap={token.marginSM} align="flex-start" style={{ minWidth: 0 }}>
      <span style={{ color: token.colorPrimary, fontSize: token.fontSizeLG, lineHeight: 1.2 }}>{icon}</span>
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary">{children}</Typography.Text>
      </Flex>
    </Flex>
  );
}

export function GettingStartedCard() {
  const { token } = theme.useToken();
  const status = useQuery(systemQueries.status());
  const dismissed = useSyncExternalStore(dismissedStore.subscribe, dismissedStore.get, () => true);
  if (!status.data?.demoMode || dismissed) return null;
  return (
    <Card
      data-testid="getting-started"
      title={
        <Flex align="center" gap={token.marginXS}>
          <RocketOutlined /> Getting started: this is demo data
        </Flex>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label="Dismiss getting started" data-testid="getting-started-dismiss" onClick={dismissedStore.set} />}
      styles={{ body: { display: "flex", flexDirection: "column", gap: token.marginMD } }}
    >
      <Typography.Paragraph style={{ margin: 0 }}>
        MagFlow is running against its built-in eMAG simulator, with two demo accounts (MAIN and FBE). Nothing here touches the live marketplace.
      </Typography.Paragraph>
      <Step icon={<KeyOutlined />} title="Your admin password">
        It came from ADMIN_PASSWORD, or, when that was not set, it was generated at the first start and printed once in the server log (the line
        &quot;created the first admin with a generated password&quot;). Change it from the account menu, and add your colleagues on the Users page.
      </Step>
      <Step icon={<ApiOutlined />} title="Connect your real eMAG accounts">
        On <Link href="/emag/accounts">eMAG accounts</Link>, enter the API username and password of your MAIN and FBE seller accounts. The connection
        is tested before it is saved, and the next sync uses it, with no restart. (EMAG_MAIN_USERNAME / EMAG_MAIN_PASSWORD and the FBE pair still work
        and take precedence.)
      </Step>
      <Step icon={<LinkOutlined />} title="Tell eMAG where to send new orders">
        eMAG calls MagFlow when an order arrives. Copy each account&apos;s callback URL from the eMAG accounts page into that account&apos;s API settings in the
        eMAG Marketplace seller interface (the new-order callback). Without it, orders still arrive with the 5-minute sync.
      </Step>
    </Card>
  );
}
