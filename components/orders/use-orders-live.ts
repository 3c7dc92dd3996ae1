"use client";
// Keeps order widgets fresh from the socket: any order event refreshes the order queries (folded
// into one refetch per burst, since a sync can emit hundreds), and new orders are remembered for a
// few seconds so the table can highlight them.
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSocketEvent } from "@/components/providers/use-socket";
import { orderKeys } from "@/lib/ui/queries/orders";

const BURST_MS = 400;
const FRESH_MS = 6_000;

export function useOrdersLive(): ReadonlySet<string> {
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());

  const refresh = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    }, BURST_MS);
  };

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  useSocketEvent("order:new", ({ id }) => {
    refresh();
    setFresh((s) => new Set(s).add(id));
    setTimeout(() => setFresh((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    }), FRESH_MS);
  });
  useSocketEvent("order:updated", refresh);
  useSocketEvent("order:awb-generated", refresh);
  useSocketEvent("order:invoice-generated", refresh);
  useSocketEvent("sync:completed", refresh);

  return fresh;
}
