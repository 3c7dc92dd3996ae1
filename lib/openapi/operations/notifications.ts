import { idParamsSchema } from "@/lib/api/schemas";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import type { OperationGroup } from "../types";

export const notificationsOperations: OperationGroup = {
  tag: "Notifications",
  description: "The caller's own notifications (orders, sync, system), also pushed live over Socket.IO.",
  operations: {
    "GET /api/v1/notifications": {
      summary: "The caller's notifications, newest first",
      query: listNotificationsQuerySchema,
      responses: { 200: { description: "A page of notifications", shape: "page" } },
    },
    "POST /api/v1/notifications/{id}/read": {
      summary: "Mark one of the caller's notifications read (idempotent)",
      params: idParamsSchema,
      responses: { 200: { description: "The result" }, 404: { description: "No such notification of the caller" } },
    },
    "POST /api/v1/notifications/read-all": {
      summary: "Mark all of the caller's notifications read",
      responses: { 200: { description: "The result" } },
    },
    "GET /api/v1/notifications/unread-count": {
      summary: "The caller's unread count: `{ count }`",
      responses: { 200: { description: "`{ count }`" } },
    },
  },
};
