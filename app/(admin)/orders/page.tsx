import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { OrdersPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Forders");
  if (!can(principal.role, "orders.read")) notFound();
  return <OrdersPageClient canWrite={can(principal.role, "orders.write")} />;
}
