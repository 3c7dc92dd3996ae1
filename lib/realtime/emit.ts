// The one way to emit from route handlers and jobs. server.ts registers the Socket.IO server on
// globalThis at boot; without it (unit tests, CLI scripts) emitting is a no-op.
import type { Server } from "socket.io";
import { eventChannel, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime/events";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type RealtimeGlobal = { __magflowIo?: IoServer };
const g = globalThis as RealtimeGlobal;

export const registerIo = (io: IoServer | undefined) => {
  g.__magflowIo = io;
};
export const getIo = () => g.__magflowIo;

export const channelRoom = (channel: string) => `channel:${channel}`;
export const userRoom = (userId: string) => `user:${userId}`;

type Args<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;

/** Emits to every socket subscribed to the event's channel, or only to one user's sockets. */
export function emit<E extends keyof ServerToClientEvents>(event: E, payload: Args<E>[0], opts: { userId?: string } = {}) {
  const io = g.__magflowIo;
  if (!io) return false;
  const room = opts.userId ? userRoom(opts.userId) : channelRoom(eventChannel[event]);
  // Socket.IO's typed emit cannot narrow a generic event name; the signature above enforces the payload type.
  (io.to(room).emit as (ev: string, ...a: unknown[]) => boolean)(event, payload);
  return true;
}
