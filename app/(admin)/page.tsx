import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { DashboardPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login");
  return <DashboardPageClient detailedHealth={can(principal.role, "system.health")} showOrders={can(principal.role, "orders.read")} showInventory={can(principal.role, "offers.read")} />;
}
