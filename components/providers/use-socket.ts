"use client";
// Hooks over the socket provider: the connection, typed event subscriptions and event stats.
import { useContext, useEffect, useEffectEvent, useSyncExternalStore } from "react";
import type { ServerToClientEvents } from "@/lib/realtime/events";
import { SocketContext, type SocketContextValue, type SocketStats } from "@/components/providers/socket-provider";

export function useSocket(): SocketContextValue {
  const ctx = useContext(SocketContext);
  if (!ctx) throw new Error("useSocket must be used inside <SocketProvider> (the admin shell)");
  return ctx;
}

type EventName = keyof ServerToClientEvents;
type Listener = (...args: unknown[]) => void;

/** Runs `handler` for every `event`; the latest handler is always used without re-subscribing. */
export function useSocketEvent<E extends EventName>(event: E, handler: ServerToClientEvents[E]): void {
  const { socket } = useSocket();
  const onEvent = useEffectEvent((...args: unknown[]) => (handler as Listener)(...args));

  useEffect(() => {
    if (!socket) return;
    const listener: Listener = (...args) => onEvent(...args);
    // The generic event name defeats socket.io's overloads; the public signature above keeps callers typed.
    const untyped = socket as unknown as { on(e: string, l: Listener): void; off(e: string, l: Listener): void };
    untyped.on(event, listener);
    return () => untyped.off(event, listener);
  }, [socket, event]);
}

const serverStats: SocketStats = { received: 0, lastEventAt: null };

export function useSocketStats(): SocketStats {
  const { stats } = useSocket();
  return useSyncExternalStore(stats.subscribe, stats.get, () => serverStats);
}
