import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { tokenParamsSchema } from "@/lib/api/schemas";
import { revokeApiToken } from "@/lib/users/service";

// DELETE /api/v1/users/{id}/tokens/{tokenId} - revoke a token (admin)
export const DELETE = withAuth<{ id: string; tokenId: string }>(
  async ({ params, user, requestId }) => {
    const { id, tokenId } = parseParams(params, tokenParamsSchema);
    return Response.json(await revokeApiToken(id, tokenId, { id: user.id, requestId }));
  },
  { permission: "users.manage" },
);
