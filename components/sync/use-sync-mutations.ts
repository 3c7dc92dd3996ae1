"use client";
// Every write on the sync page: start, cancel, clean up stuck syncs. Start's 409/422 answers are
// shown inside the options drawer; everything else goes to the central notifications.
import { App } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { syncApi, syncKeys, type StartSyncBody } from "@/lib/ui/queries/emag-sync";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";

function useInvalidateSync() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: syncKeys.all });
}

export function useStartSync() {
  const invalidate = useInvalidateSync();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: StartSyncBody) => syncApi.start(body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: (res) => {
      // The API's message is written for API clients; say it in the page's terms instead.
      const accounts = res.accounts.map((a) => a.toUpperCase()).join(" and ");
      void message.success(`${res.mode === "full" ? "Full" : "Incremental"} sync of ${accounts} started: progress shows on the account cards`);
      void invalidate();
    },
  });
}

export function useCancelSync(onCancelled?: (id: string) => void) {
  const invalidate = useInvalidateSync();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (id: string) => syncApi.cancel(id),
    onSuccess: (res) => {
      onCancelled?.(res.id);
      void message.info("Sync cancelled");
      void invalidate();
    },
  });
}

export function useCleanupStuckSyncs() {
  const invalidate = useInvalidateSync();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (timeoutMinutes: number) => syncApi.cleanupStuck(timeoutMinutes),
    onSuccess: (res) => {
      void message.info(res.cleaned === 0 ? "No stuck syncs found" : `Marked ${res.cleaned} stuck sync${res.cleaned === 1 ? "" : "s"} as failed`);
      void invalidate();
    },
  });
}
