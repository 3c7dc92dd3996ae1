"use client";
// The one and only display of a freshly issued token, with copy and a warning.
import { Alert, Button, Descriptions, Flex, Typography, theme } from "antd";
import { formatDateTime } from "@/lib/ui/format";
import type { IssuedToken } from "@/lib/ui/queries/users";

export function IssuedTokenPanel({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  const { token: design } = theme.useToken();
  return (
    <div data-testid="issued-token-panel">
      <Alert
        type="warning"
        showIcon
        title="This token is shown only once"
        description="Store it in a password manager or your integration's secret store now. You cannot see it again; if it is lost, revoke it and issue a new one."
        style={{ marginBottom: design.marginMD }}
      />
      <Typography.Paragraph
        code
        copyable={{ text: issued.token, tooltips: ["Copy token", "Copied"] }}
        style={{ wordBreak: "break-all", fontSize: design.fontSizeLG }}
        data-testid="issued-token"
      >
        {issued.token}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "name", label: "Name", children: issued.name },
          { key: "expires", label: "Expires", children: issued.expiresAt ? formatDateTime(issued.expiresAt) : "Never" },
        ]}
      />
      <Flex justify="end" style={{ marginTop: design.marginMD }}>
        <Button type="primary" onClick={onDone} data-testid="issued-token-done">
          I have copied it
        </Button>
      </Flex>
    </div>
  );
}
