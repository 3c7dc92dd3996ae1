// The single permission map, used by the API wrapper, the socket server and the UI alike.
export const roles = ["admin", "manager", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "dashboard.read",
  "system.health", // detailed health checks, admin only
  "users.manage",
  "audit.read",
  "emag.accounts.read",
  "emag.accounts.test",
  /** Add and edit eMAG accounts: credentials, settings, callback token (admin only). */
  "emag.accounts.manage",
  "products.read",
  "products.sync",
  "orders.read",
  "orders.write",
  "customers.read",
  /** Phone numbers and company details unmasked (personal data). */
  "customers.pii",
  /** Full rebuild of the customer profiles. */
  "customers.rebuild",
  "notifications.read",
  /** Offer jobs, change history, inventory, drift and repricer rules (read). */
  "offers.read",
  /** Price, stock and status changes sent to eMAG; inventory settings; repricer rules. */
  "offers.write",
  /** Daily and weekly reports: figures and XLSX downloads. */
  "reports.read",
  /** Who receives the scheduled report mails. */
  "reports.manage",
  /** Alert channels (e-mail, webhooks), rules and the alert history; admin only. */
  "alerts.manage",
] as const;
export type Permission = (typeof permissions)[number];

const readOnly: Permission[] = ["dashboard.read", "emag.accounts.read", "products.read", "orders.read", "customers.read", "notifications.read", "offers.read", "reports.read"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: [...readOnly, "emag.accounts.test", "products.sync", "orders.write", "customers.pii", "offers.write"],
  viewer: readOnly,
};

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && rolePermissions[role].includes(permission);
}

export const isRole = (value: unknown): value is Role => typeof value === "string" && (roles as readonly string[]).includes(value);
