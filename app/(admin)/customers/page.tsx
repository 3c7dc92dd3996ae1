import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { CustomersPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Fcustomers");
  if (!can(principal.role, "customers.read")) notFound();
  return <CustomersPageClient canRebuild={can(principal.role, "customers.rebuild")} canWriteOrders={can(principal.role, "orders.write")} />;
}
