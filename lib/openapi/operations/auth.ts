import { loginSchema } from "@/lib/auth/credentials";
import type { OperationGroup } from "../types";

const nextAuth = "next-auth's own protocol (CSRF, callbacks, session), used by the sign-in page; not part of MagFlow's API";

export const authOperations: OperationGroup = {
  tag: "Auth",
  description: "Bearer tokens for API clients, and who the caller is.",
  operations: {
    "POST /api/v1/auth/login": {
      summary: "Exchange email and password for a bearer token",
      description: "Public. The token goes in `Authorization: Bearer <access_token>` (use Authorize above). Failed sign-ins are rate limited per address (429).",
      body: loginSchema,
      responses: {
        200: { description: "A new login token: `{ access_token, token_type: \"bearer\", expires_in }` (seconds)" },
        401: { description: "Wrong email or password, or the user is inactive" },
        429: { description: "Too many failed sign-ins from this address" },
      },
    },
    "GET /api/v1/me": {
      summary: "The caller and its permissions",
      responses: { 200: { description: "`{ id, email, name, role, permissions }` of the caller" } },
    },
    "GET /api/auth/{...nextauth}": { summary: "next-auth", responses: {}, hidden: nextAuth },
    "POST /api/auth/{...nextauth}": { summary: "next-auth", responses: {}, hidden: nextAuth },
  },
};
