import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { AccountsPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "eMAG accounts" };

export default async function EmagAccountsPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Femag%2Faccounts");
  if (!can(principal.role, "emag.accounts.read")) notFound();
  return <AccountsPageClient canTest={can(principal.role, "emag.accounts.test")} canManage={can(principal.role, "emag.accounts.manage")} />;
}
