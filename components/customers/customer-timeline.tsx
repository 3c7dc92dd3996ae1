"use client";
// What happened with the customer, newest first: orders placed, cancelled and returned, and RMAs.
// Long histories show the latest events and grow on request.
import { useState } from "react";
import { Button, Flex, Timeline, Typography, theme } from "antd";
import type { CustomerTimelineEvent } from "@/lib/ui/queries/customers";
import { formatDateTime, formatMoney } from "@/lib/ui/format";

const STEP = 25;
const colors: Record<CustomerTimelineEvent["kind"], string> = { order_placed: "blue", order_cancelled: "red", order_returned: "purple", return_requested: "orange" };

export function CustomerTimeline({ events, currency, onOpenOrder }: { events: CustomerTimelineEvent[]; currency: string | null; onOpenOrder: (id: string) => void }) {
  const { token } = theme.useToken();
  const [shown, setShown] = useState(STEP);
  if (events.length === 0) return <Typography.Text type="secondary">No events recorded yet.</Typography.Text>;
  return (
    <Flex vertical gap={token.marginSM}>
      <Timeline
        data-testid="customer-timeline"
        items={events.slice(0, shown).map((e, i) => ({
          key: `${e.at}-${e.kind}-${i}`,
          color: colors[e.kind],
          // The date sits with the event (not in a side column), so a phone keeps the width for the text.
          content: (
            <Flex vertical>
              {e.order_id ? <Typography.Link onClick={() => onOpenOrder(e.order_id!)}>{e.label}</Typography.Link> : <Typography.Text>{e.label}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                {[formatDateTime(e.at), e.amount !== null ? formatMoney(e.amount, currency ?? "RON") : null].filter(Boolean).join(" · ")}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
      {events.length > shown && (
        <Button onClick={() => setShown((n) => n + STEP)} style={{ alignSelf: "flex-start" }}>
          Show {Math.min(STEP, events.length - shown)} more of {events.length - shown}
        </Button>
      )}
    </Flex>
  );
}
