import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { OfferJobsPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offer jobs" };

export default async function OfferJobsPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Foffers%2Fjobs");
  if (!can(principal.role, "offers.read")) notFound();
  return <OfferJobsPageClient canWrite={can(principal.role, "offers.write")} />;
}
