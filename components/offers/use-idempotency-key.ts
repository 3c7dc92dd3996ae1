"use client";
// One Idempotency-Key per intent: the same request (a double click, a retry after a network error)
// reuses it, so the server never starts two jobs; a different request gets a new one.
import { useMemo } from "react";
import { newIdempotencyKey } from "@/lib/ui/queries/offers";

export function useIdempotencyKey(intent: unknown): string {
  const signature = JSON.stringify(intent ?? null);
  // Keyed on the signature: the key changes exactly when the request does.
  return useMemo(() => newIdempotencyKey(), [signature]);
}
