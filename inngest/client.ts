import { Inngest } from "inngest";
import { env, inngestDevMode } from "@/lib/env";

// One client for the app. In dev mode (the default outside production) it talks to a local
// Inngest dev server when one runs; otherwise server.ts runs the schedules in-process.
export const inngest = new Inngest({
  id: "magflow",
  isDev: inngestDevMode(),
  baseUrl: env().INNGEST_BASE_URL,
  eventKey: env().INNGEST_EVENT_KEY,
  signingKey: env().INNGEST_SIGNING_KEY,
});
