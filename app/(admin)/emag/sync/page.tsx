import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getSessionPrincipal } from "@/lib/auth/session";
import { SyncPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Product sync" };

export default async function EmagSyncPage() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login?callbackUrl=%2Femag%2Fsync");
  if (!can(principal.role, "products.read")) notFound();
  return <SyncPageClient canSync={can(principal.role, "products.sync")} />;
}
