import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { AlertsPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Fsettings%2Falerts");
  if (!can(principal.role, "alerts.manage")) notFound();
  return <AlertsPageClient />;
}
