"use client";
// Every write on orders. A success refreshes the order everywhere (drawer, list, dashboard); a
// refusal (e.g. eMAG's 409 "transition not allowed") reaches the user through the central error
// notifications with the API's own message.
import { App } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { orderStatusLabel } from "@/components/orders/labels";
import { orderKeys, ordersApi, type AwbBody, type OrderChange, type StartOrderSyncBody } from "@/lib/ui/queries/orders";

function useApplyChange() {
  const queryClient = useQueryClient();
  return (res: OrderChange) => {
    queryClient.setQueryData(orderKeys.detail(res.order.id), res.order);
    return queryClient.invalidateQueries({ queryKey: orderKeys.all });
  };
}

export function useAcknowledgeOrder() {
  const apply = useApplyChange();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (id: string) => ordersApi.acknowledge(id),
    onSuccess: (res) => {
      void message.success(res.changed ? `Order ${res.order.emag_order_id} acknowledged` : `Order ${res.order.emag_order_id} was already acknowledged`);
      void apply(res);
    },
  });
}

export function useChangeOrderStatus() {
  const apply = useApplyChange();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, status, reason }: { id: string; status: number; reason?: number }) => ordersApi.setStatus(id, status, reason),
    onSuccess: (res) => {
      void message.success(`Order ${res.order.emag_order_id} is now ${orderStatusLabel(res.order.status).toLowerCase()}`);
      void apply(res);
    },
  });
}

export function useGenerateAwb() {
  const apply = useApplyChange();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AwbBody }) => ordersApi.generateAwb(id, body),
    onSuccess: (res) => {
      void message.success(res.changed ? `AWB ${res.order.awb_number ?? ""} generated` : "This order already had an AWB");
      void apply(res);
    },
  });
}

export function useAttachInvoice() {
  const apply = useApplyChange();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, url, file, name }: { id: string; url?: string; file?: File; name?: string }) =>
      file ? ordersApi.uploadInvoice(id, file, name) : ordersApi.attachInvoiceUrl(id, url ?? "", name),
    onSuccess: (res) => {
      void message.success(res.changed ? "Invoice attached and sent to eMAG" : "This invoice was already attached");
      void apply(res);
    },
  });
}

export function useSyncOrders() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: StartOrderSyncBody) => ordersApi.sync(body),
    onSuccess: (res) => {
      void message.success(`Order sync of ${res.accounts.map((a) => a.toUpperCase()).join(" and ")} started: new orders appear as they arrive`);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}
