import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { updateUserSchema } from "@/lib/users/schemas";
import { getUser, updateUser } from "@/lib/users/service";

type Params = { id: string };

// GET /api/v1/users/{id} - one user with its API tokens (admin)
export const GET = withAuth<Params>(async ({ params }) => Response.json(await getUser(parseParams(params, idParamsSchema).id)), {
  permission: "users.manage",
});

// PATCH /api/v1/users/{id} - change role, name, active or password (admin)
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, updateUserSchema);
    return Response.json(await updateUser(id, input, { id: user.id, requestId }));
  },
  { permission: "users.manage" },
);
