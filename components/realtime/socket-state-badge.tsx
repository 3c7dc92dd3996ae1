"use client";
// The live connection state of the realtime socket, as a status dot with a label.
import { Badge, Tooltip } from "antd";
import type { BadgeProps } from "antd";
import type { SocketState } from "@/components/providers/socket-provider";
import { useSocket } from "@/components/providers/use-socket";

export const socketStateLooks: Record<SocketState, { status: BadgeProps["status"]; label: string }> = {
  connected: { status: "success", label: "Connected" },
  connecting: { status: "processing", label: "Connecting" },
  disconnected: { status: "default", label: "Disconnected" },
  error: { status: "error", label: "Connection error" },
};

export function SocketStateBadge({ testId = "socket-state" }: { testId?: string }) {
  const { state, error } = useSocket();
  const look = socketStateLooks[state];
  const tip = state === "connected" ? "Live updates are on" : (error ?? "Live updates are paused; retrying");
  return (
    <Tooltip title={tip}>
      <span data-testid={testId} data-state={state} aria-live="polite" style={{ whiteSpace: "nowrap" }}>
        <Badge status={look.status} text={look.label} />
      </span>
    </Tooltip>
  );
}
