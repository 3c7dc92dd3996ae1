import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { issueTokenSchema } from "@/lib/users/schemas";
import { issueApiToken } from "@/lib/users/service";

// POST /api/v1/users/{id}/tokens - issue a named API token; the plain value is returned once (admin)
export const POST = withAuth<{ id: string }>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, issueTokenSchema);
    return Response.json(await issueApiToken(id, input, { id: user.id, requestId }), {
      status: 201,
      headers: { "Cache-Control": "no-store" },
    });
  },
  { permission: "users.manage" },
);
