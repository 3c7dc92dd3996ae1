// npm run secrets:rotate [-- --check]   re-encrypt every stored eMAG credential under the new key.
//   new key: MAGFLOW_ENCRYPTION_KEY (required)
//   old key: MAGFLOW_ENCRYPTION_KEY_OLD and/or the data folder's secrets.json (the default key)
// One transaction: all rows move or none do. --check only reports (and proves every value decrypts).
// Afterwards, run every instance with MAGFLOW_ENCRYPTION_KEY set to the new key (README "eMAG accounts").
import { bootInfrastructure } from "@/lib/boot/infrastructure";
import { loadKeyRing } from "@/lib/crypto/keys";
import { rotateStoredSecrets } from "@/lib/crypto/rotate";
import { disconnectDb } from "@/lib/db";

const check = process.argv.includes("--check");
const infra = await bootInfrastructure(); // starts the embedded database when DATABASE_URL is unset
try {
  const ring = await loadKeyRing({ create: false });
  if (ring.source !== "env" || !ring.current) throw new Error("set MAGFLOW_ENCRYPTION_KEY to the new key (32 bytes, e.g. `openssl rand -base64 32`)");
  const r = await rotateStoredSecrets({ from: ring.all.slice(1), to: ring.current, check });
  const moved = r.rotated.map((x) => `${x.kind} (key ${x.from ?? "?"} -> ${r.to})`).join(", ") || "none";
  console.log(`${check ? "would re-encrypt" : "re-encrypted"}: ${moved}; already under key ${r.to}: ${r.alreadyCurrent.join(", ") || "none"}`);
} catch (err) {
  console.error("secrets rotation failed (nothing was changed):", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await infra.embedded?.stop();
}
