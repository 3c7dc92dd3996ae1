// Every operation of the API, one group (tag) per area. A new route gets one entry in its area's
// file under operations/ (a new area: a new file, listed here); tests/openapi/completeness.test.ts
// fails until every route file has one and every entry's schemas are the ones its route parses.
import { accountsOperations } from "./operations/accounts";
import { alertsOperations } from "./operations/alerts";
import { authOperations } from "./operations/auth";
import { customersOperations } from "./operations/customers";
import { dashboardOperations } from "./operations/dashboard";
import { inventoryOperations } from "./operations/inventory";
import { notificationsOperations } from "./operations/notifications";
import { offersOperations } from "./operations/offers";
import { ordersOperations } from "./operations/orders";
import { productsOperations } from "./operations/products";
import { reportsOperations } from "./operations/reports";
import { repricerOperations } from "./operations/repricer";
import { systemOperations } from "./operations/system";
import { usersOperations } from "./operations/users";
import type { OperationGroup, OperationSpec } from "./types";

/** In the order the reference lists them. */
export const operationGroups: OperationGroup[] = [
  authOperations,
  dashboardOperations,
  accountsOperations,
  productsOperations,
  ordersOperations,
  customersOperations,
  offersOperations,
  inventoryOperations,
  repricerOperations,
  reportsOperations,
  alertsOperations,
  notificationsOperations,
  usersOperations,
  systemOperations,
];

export interface RegisteredOperation extends OperationSpec {
  key: string;
  tag: string;
}

/** Every entry by its "METHOD /path/template" key; a key in two groups is a programming error. */
export function registeredOperations(): Map<string, RegisteredOperation> {
  const out = new Map<string, RegisteredOperation>();
  for (const group of operationGroups) {
    for (const [key, spec] of Object.entries(group.operations)) {
      if (out.has(key)) throw new Error(`OpenAPI registry: ${key} is listed twice (${out.get(key)!.tag} and ${group.tag})`);
      out.set(key, { ...spec, key, tag: group.tag });
    }
  }
  return out;
}
