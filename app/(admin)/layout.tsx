import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getSessionPrincipal } from "@/lib/auth/session";
import { AdminShell } from "@/components/layout/admin-shell";

// Every admin page reads the session cookie, so nothing here may be prerendered.
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login");
  const user = { id: principal.id, email: principal.email, name: principal.name, role: principal.role };
  return <AdminShell user={user}>{children}</AdminShell>;
}
