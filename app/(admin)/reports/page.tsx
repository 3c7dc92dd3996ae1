import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { ReportsPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Freports");
  if (!can(principal.role, "reports.read")) notFound();
  return <ReportsPageClient canManage={can(principal.role, "reports.manage")} />;
}
