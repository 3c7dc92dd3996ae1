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

// Rooms. Every socket joins its user's room; a socket authenticated by a bearer token also joins
// that token's room, so revoking one token cuts only the sockets it opened.
export const channelRoom = (channel: string) => `channel:${channel}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const tokenRoom = (tokenId: string) => `token:${tokenId}`;

// Cutting goes through rooms (not a local socket list), so with the Redis adapter
// (lib/realtime/adapter.ts, REDIS_URL set) the same call reaches a user's sockets on every instance.
// So does emit(): the adapter publishes each broadcast to the other instances.
function disconnectRoom(room: string) {
  const io = g.__magflowIo;
  if (!io) return false;
  io.in(room).disconnectSockets(true);
  return true;
}

/**
 * Disconnects every socket of a user (deactivated, role or password changed). The browser
 * reconnects by itself and is authenticated afresh, so it gets the new role's channels, or none.
 */
export const disconnectUserSockets = (userId: string) => disconnectRoom(userRoom(userId));

/** Disconnects the sockets opened with one bearer token (revoked). */
export const disconnectTokenSockets = (tokenId: string) => disconnectRoom(tokenRoom(tokenId));

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
