"use client";
// Where an account's credentials come from, and the problems an admin must know about.
import { Alert, Flex, Tag, theme } from "antd";
import type { EmagAccount } from "@/lib/ui/queries/emag-accounts";

export function AccountSourceTag({ source }: { source: EmagAccount["source"] }) {
  if (source === "env") return <Tag color="blue" data-testid="account-source" data-source="env">Set by environment variables</Tag>;
  if (source === "stored") return <Tag color="cyan" data-testid="account-source" data-source="stored">Stored credentials</Tag>;
  return <Tag data-testid="account-source" data-source="demo">Built-in simulator</Tag>;
}

export function AccountAlerts({ account }: { account: EmagAccount }) {
  const { token } = theme.useToken();
  const kind = account.kind.toUpperCase();
  if (!account.env_override && !account.problem) return null;
  return (
    <Flex vertical gap={token.marginXS}>
      {account.env_override && (
        <Alert type="info" showIcon data-testid={`account-env-override-${account.kind}`} title="Set by environment variables"
          description={`EMAG_${kind}_USERNAME/PASSWORD are set, so they are used${account.secret_set ? " instead of the stored credentials" : ""}. Settings below remain editable.`} />
      )}
      {account.problem && <Alert type="error" showIcon title="Stored credentials unusable" description={account.problem} />}
    </Flex>
  );
}
