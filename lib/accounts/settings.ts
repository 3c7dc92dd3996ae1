// Per-account settings stored on the emag_accounts row, read straight from PostgreSQL by the jobs
// and actions that use them (no cache: a change applies to the next run on every instance).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { accountKinds, type AccountKind } from "./kinds";

/** Accounts whose new orders the auto-acknowledge job confirms: the row's choice, else ORDERS_AUTO_ACKNOWLEDGE. */
export async function autoAcknowledgeAccounts(): Promise<AccountKind[]> {
  const rows = await db.emagAccount.findMany({ select: { kind: true, autoAcknowledge: true } });
  const fallback = env().ORDERS_AUTO_ACKNOWLEDGE;
  return accountKinds.filter((k) => rows.find((r) => r.kind === k)?.autoAcknowledge ?? fallback);
}

export interface AwbDefaults {
  senderName: string;
  senderPhone: string;
  /** eMAG address id to ship from; null: eMAG's default pickup address. */
  pickupAddressId: string | null;
}

/** The AWB sender and pickup of an account: its own settings, else EMAG_SENDER_NAME/PHONE. */
export async function awbDefaults(kind: AccountKind): Promise<AwbDefaults> {
  const row = await db.emagAccount.findUnique({ where: { kind }, select: { awbSenderName: true, awbSenderPhone: true, awbPickupAddressId: true } });
  const e = env();
  return {
    senderName: row?.awbSenderName ?? e.EMAG_SENDER_NAME,
    senderPhone: row?.awbSenderPhone ?? e.EMAG_SENDER_PHONE,
    pickupAddressId: row?.awbPickupAddressId ?? null,
  };
}
