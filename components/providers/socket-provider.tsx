"use client";
// One Socket.IO connection per admin session (same origin, path /socket.io, the session cookie
// authenticates it). Exposes the socket, its connection state and a count of events received.
import { createContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { Channel, ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketState = "connecting" | "connected" | "disconnected" | "error";

const SUBSCRIBED_CHANNELS: Channel[] = ["system", "sync", "orders", "notifications"];

/** A tiny external store so only widgets that show the count re-render on every event. */
export interface SocketStats {
  received: number;
  lastEventAt: number | null;
}

function createStatsStore() {
  let snapshot: SocketStats = { received: 0, lastEventAt: null };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record: () => {
      snapshot = { received: snapshot.received + 1, lastEventAt: Date.now() };
      listeners.forEach((l) => l());
    },
  };
}
export type SocketStatsStore = ReturnType<typeof createStatsStore>;

export interface SocketContextValue {
  socket: AppSocket | null;
  state: SocketState;
  /** Last connection or subscription error, for tooltips. */
  error: string | null;
  channels: Channel[];
  stats: SocketStatsStore;
}

export const SocketContext = createContext<SocketContextValue | null>(null);

export function SocketProvider({ children }: { children: ReactNode }) {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [state, setState] = useState<SocketState>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [stats] = useState(createStatsStore);

  useEffect(() => {
    // Created in an effect: io() needs window.location, and StrictMode's remount must close the first one.
    const s: AppSocket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    setSocket(s);
    const onConnect = () => {
      setState("connected");
      setError(null);
      s.emit("subscribe", SUBSCRIBED_CHANNELS, (res) => {
        setChannels(res.channels ?? []);
        if (!res.ok) setError(res.error ?? "Subscription refused");
      });
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setState("disconnected");
      setChannels([]);
      // The server hung up on purpose; socket.io does not retry that by itself.
      if (reason === "io server disconnect") s.connect();
    };
    const onConnectError = (err: Error) => {
      setError(err.message);
      // `active` false means the server refused us (e.g. no session): retrying will not help.
      setState(s.active ? "disconnected" : "error");
    };
    const onReconnectAttempt = () => setState("connecting");
    s.on("connect", onConnect);
    s.on("disconnect", onDisconnect);
    s.on("connect_error", onConnectError);
    s.io.on("reconnect_attempt", onReconnectAttempt);
    s.onAny(stats.record);
    return () => {
      s.offAny(stats.record);
      s.io.off("reconnect_attempt", onReconnectAttempt);
      s.removeAllListeners();
      s.disconnect();
    };
  }, [stats]);

  const value = useMemo<SocketContextValue>(
    () => ({ socket, state, error, channels, stats }),
    [socket, state, error, channels, stats],
  );
  return <SocketContext.Provider value={value}>{children}</SocketContext.Provider>;
}
