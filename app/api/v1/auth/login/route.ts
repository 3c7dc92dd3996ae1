import { publicRoute } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse";
import { clientIp, loginForToken, loginSchema } from "@/lib/auth/credentials";
import { env } from "@/lib/env";

// POST /api/v1/auth/login - exchange email/password for a bearer token
export const POST = publicRoute(async ({ req }) => {
  const input = await parseBody(req, loginSchema);
  const result = await loginForToken(input, clientIp(req.headers), env().API_TOKEN_TTL_SECONDS);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
