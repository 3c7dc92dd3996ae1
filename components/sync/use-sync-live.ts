"use client";
// Follows product syncs over Socket.IO: progress bars move with sync:progress events (no polling),
// and the status, history, statistics and product lists refresh when a sync starts or ends.
import { useReducer } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSocketEvent } from "@/components/providers/use-socket";
import { productKeys } from "@/lib/ui/queries/emag-products";
import { syncKeys, type SyncStatus } from "@/lib/ui/queries/emag-sync";
import { liveReducer } from "@/lib/ui/sync-live";

export function useSyncLive() {
  const queryClient = useQueryClient();
  const [live, dispatch] = useReducer(liveReducer, {});

  const refreshAfterFinish = () => {
    void queryClient.invalidateQueries({ queryKey: syncKeys.all });
    void queryClient.invalidateQueries({ queryKey: productKeys.all });
  };

  useSocketEvent("sync:started", ({ syncId, accounts }) => {
    dispatch({ type: "started", syncId, accounts });
    void queryClient.invalidateQueries({ queryKey: syncKeys.status() });
    void queryClient.invalidateQueries({ queryKey: syncKeys.histories() });
  });
  useSocketEvent("sync:progress", (payload) => dispatch({ type: "progress", payload }));
  useSocketEvent("sync:milestone", ({ syncId, account, percent }) => dispatch({ type: "milestone", syncId, account, percent }));
  useSocketEvent("sync:completed", ({ syncId, status }) => {
    dispatch({ type: "finished", syncId, status: status as SyncStatus });
    refreshAfterFinish();
  });
  useSocketEvent("sync:failed", ({ syncId, error }) => {
    dispatch({ type: "finished", syncId, status: "failed", error });
    refreshAfterFinish();
  });

  /** For outcomes this tab caused itself (a cancel), in case the server's event is late or absent. */
  const markFinished = (syncId: string, status: SyncStatus) => dispatch({ type: "finished", syncId, status });

  return { live, markFinished };
}
