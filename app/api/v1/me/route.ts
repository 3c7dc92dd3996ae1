import { withAuth } from "@/lib/api/handler";
import { rolePermissions } from "@/lib/auth/permissions";

// GET /api/v1/me - the caller and its permissions
export const GET = withAuth(async ({ user }) =>
  Response.json({ id: user.id, email: user.email, name: user.name, role: user.role, permissions: rolePermissions[user.role] }),
);
