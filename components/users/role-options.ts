// Role choices for selects, with a hint of what each role may do.
import { roles, type Role } from "@/lib/auth/permissions";

const hints: Record<Role, string> = {
  admin: "everything, including users and system health",
  manager: "read everything, run syncs, update orders",
  viewer: "read-only",
};

export const roleOptions = roles.map((role) => ({ value: role, label: role, title: hints[role] }));
export const roleOptionsWithHints = roles.map((role) => ({ value: role, label: `${role} — ${hints[role]}` }));
