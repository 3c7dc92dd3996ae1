// The client's address for limiters and logs. The TCP peer, unless TRUST_PROXY says how many proxy
// hops in front of the app append to X-Forwarded-For: then the entry that many hops from the right
// (the address the outermost trusted proxy saw). A client-sent X-Forwarded-For is never trusted
// beyond those hops, so it cannot spoof its way around the login limiter.
import type { IncomingMessage } from "node:http";

export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedHops <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const chain = [header]
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // The peer is the nearest proxy; chain[-1] is what it saw, chain[-hops] what the outermost trusted one saw.
  return chain.length >= trustedHops ? chain[chain.length - trustedHops]! : (chain[0] ?? peer);
}
