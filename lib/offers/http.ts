// Route helpers shared by the offer routes: who is acting, and the client's Idempotency-Key.
import { fieldError } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import type { OfferJobActor } from "./types";

export const actorOf = (user: Principal, requestId: string): OfferJobActor => ({ userId: user.id, requestId, triggeredBy: user.via === "token" ? "api" : "user" });

/** Idempotency-Key: 1..200 visible characters; the same key never creates a second job. */
export function idempotencyKeyOf(req: Request): string | null {
  const k = req.headers.get("idempotency-key");
  if (k === null) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(k)) throw fieldError("bad_request", "Idempotency-Key", "must be 1 to 200 visible ASCII characters");
  return k;
}
