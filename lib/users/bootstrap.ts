import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createUser } from "@/lib/users/service";

/** First start with no users: create the admin from ADMIN_EMAIL/ADMIN_PASSWORD, or generate a password and print it once. */
export async function ensureAdmin() {
  if ((await db.user.count()) > 0) return null;
  const e = env();
  const email = (e.ADMIN_EMAIL ?? "admin@magflow.local").toLowerCase();
  const generated = !e.ADMIN_PASSWORD;
  const password = e.ADMIN_PASSWORD ?? randomBytes(18).toString("base64url");
  const user = await createUser({ email, name: e.ADMIN_NAME, password, role: "admin" }, null);
  if (generated) {
    // Printed exactly once, on the first start; only its hash is stored.
    logger.warn({ email, initialPassword: password }, "created the first admin with a generated password; sign in and change it");
  } else {
    logger.info({ email }, "created the first admin from ADMIN_EMAIL/ADMIN_PASSWORD");
  }
  return user;
}
