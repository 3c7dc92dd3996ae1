"use client";
// The live Socket.IO link: state, subscribed channels and how many events arrived.
import { Card, Col, Flex, Row, Statistic, Tag, Typography, theme } from "antd";
import { useSocket, useSocketStats } from "@/components/providers/use-socket";
import { SocketStateBadge } from "@/components/realtime/socket-state-badge";
import { formatRelative } from "@/lib/ui/format";

export function RealtimeCard() {
  const { token } = theme.useToken();
  const { state, error, channels } = useSocket();
  const { received, lastEventAt } = useSocketStats();

  return (
    <Card title="Live updates" variant="borderless" extra={<SocketStateBadge testId="dashboard-socket-state" />} style={{ height: "100%" }}>
      <Flex vertical gap={token.marginMD}>
        <Row gutter={token.marginMD}>
          <Col span={12}>
            <Statistic title="Events received" value={received} data-testid="socket-events-count" />
          </Col>
          <Col span={12}>
            <Statistic
              title="Last event"
              value={lastEventAt ? formatRelative(new Date(lastEventAt).toISOString()) : "—"}
              styles={{ content: { fontSize: token.fontSizeHeading4 } }}
            />
          </Col>
        </Row>
        <Flex align="center" gap={token.marginXS} wrap>
          <Typography.Text type="secondary">Channels:</Typography.Text>
          {channels.length > 0 ? (
            channels.map((c) => <Tag key={c}>{c}</Tag>)
          ) : (
            <Typography.Text type="secondary">{state === "connected" ? "none granted" : "not subscribed"}</Typography.Text>
          )}
        </Flex>
        {state === "error" && error && (
          <Typography.Text type="danger">The server refused the live connection: {error}. Reload the page to retry.</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
