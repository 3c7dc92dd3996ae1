import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { UsersPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Fusers");
  // Roles without the permission get a 404: the page's existence is not theirs to know.
  if (!can(principal.role, "users.manage")) notFound();
  return <UsersPageClient />;
}
