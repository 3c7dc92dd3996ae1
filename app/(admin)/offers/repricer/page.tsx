import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { RepricerPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Repricer" };

export default async function RepricerPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Foffers%2Frepricer");
  if (!can(principal.role, "offers.read")) notFound();
  return <RepricerPageClient canWrite={can(principal.role, "offers.write")} />;
}
