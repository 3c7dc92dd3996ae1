import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { CustomersOverviewPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customers overview" };

export default async function CustomersOverviewPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Fcustomers%2Foverview");
  if (!can(principal.role, "customers.read")) notFound();
  return <CustomersOverviewPageClient />;
}
