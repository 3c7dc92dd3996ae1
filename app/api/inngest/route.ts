import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

// GET/PUT/POST /api/inngest - Inngest's serve endpoint (introspection, registration, execution)
export const { GET, POST, PUT } = serve({ client: inngest, functions });
