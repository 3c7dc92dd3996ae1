// Socket.IO event names and payload types, declared once for server, jobs and browser.
export const channels = ["sync", "orders", "notifications", "system"] as const;
export type Channel = (typeof channels)[number];

export type AccountKind = "main" | "fbe";

export interface SyncProgressPayload {
  syncId: string;
  account: AccountKind;
  page: number;
  totalPages: number;
  processed: number;
  total: number;
  percent: number;
  itemsPerSecond: number;
  etaSeconds: number | null;
  operation: string;
}

/** Every order event: our row id (uuid) and eMAG's order id as a decimal string (ids exceed 2^31). */
export interface OrderEventPayload {
  id: string;
  account: AccountKind;
  emagOrderId: string;
  status: number;
}

/** Every return event: our row id, eMAG's RMA and order ids (decimal strings), our order's id when stored. */
export interface ReturnEventPayload {
  id: string;
  account: AccountKind;
  emagRmaId: string;
  emagOrderId: string | null;
  orderId: string | null;
  requestStatus: number;
}

/** An offer-change job's counters (bulk, import, repricer, inventory, single): sent after each batch. */
export interface OfferJobPayload {
  jobId: string;
  kind: string;
  status: string;
  total: number;
  applied: number;
  rejected: number;
  failed: number;
  cancelled: number;
  percent: number;
}

export interface ServerToClientEvents {
  "system:hello": (payload: { userId: string; role: string; channels: Channel[] }) => void;
  "system:health": (payload: { status: "healthy" | "degraded" | "down"; checkedAt: string }) => void;
  "sync:started": (payload: { syncId: string; accounts: AccountKind[]; mode: string }) => void;
  "sync:progress": (payload: SyncProgressPayload) => void;
  "sync:milestone": (payload: { syncId: string; account: AccountKind; percent: 25 | 50 | 75 | 100 }) => void;
  "sync:completed": (payload: { syncId: string; status: string; counters: Record<string, number> }) => void;
  "sync:failed": (payload: { syncId: string; error: string }) => void;
  "offer-job:progress": (payload: OfferJobPayload) => void;
  "offer-job:completed": (payload: OfferJobPayload) => void;
  "order:new": (payload: OrderEventPayload & { customerName: string | null; total: number; currency: string | null }) => void;
  "order:updated": (payload: OrderEventPayload & { previousStatus: number | null }) => void;
  "order:awb-generated": (payload: OrderEventPayload & { awbNumber: string; courierName: string | null }) => void;
  "order:invoice-generated": (payload: OrderEventPayload & { invoiceUrl: string }) => void;
  "return:new": (payload: ReturnEventPayload) => void;
  "return:updated": (payload: ReturnEventPayload & { previousStatus: number }) => void;
  "notification:new": (payload: { id: string; title: string; body: string; priority: string; category: string; link: string | null }) => void;
  "notification:unread-count": (payload: { count: number }) => void;
}

export interface ClientToServerEvents {
  subscribe: (channels: Channel[], ack?: (res: { ok: boolean; channels: Channel[]; error?: string }) => void) => void;
  unsubscribe: (channels: Channel[], ack?: (res: { ok: boolean }) => void) => void;
}

/** Which channel each event is delivered on. Notifications are additionally scoped per user room. */
export const eventChannel: { [E in keyof ServerToClientEvents]: Channel } = {
  "system:hello": "system",
  "system:health": "system",
  "sync:started": "sync",
  "sync:progress": "sync",
  "sync:milestone": "sync",
  "sync:completed": "sync",
  "sync:failed": "sync",
  "offer-job:progress": "sync",
  "offer-job:completed": "sync",
  "order:new": "orders",
  "order:updated": "orders",
  "order:awb-generated": "orders",
  "order:invoice-generated": "orders",
  "return:new": "orders",
  "return:updated": "orders",
  "notification:new": "notifications",
  "notification:unread-count": "notifications",
};

/** The permission a socket needs to subscribe to each channel. */
export const channelPermission = {
  sync: "products.read",
  orders: "orders.read",
  notifications: "notifications.read",
  system: "dashboard.read",
} as const;
