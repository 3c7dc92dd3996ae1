import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { createUserSchema, listUsersQuerySchema } from "@/lib/users/schemas";
import { createUser, findUsers } from "@/lib/users/service";

// GET /api/v1/users - list users (admin)
export const GET = withAuth(
  async ({ req }) => Response.json(await findUsers(parseQuery(req, listUsersQuerySchema))),
  { permission: "users.manage" },
);

// POST /api/v1/users - create a user (admin)
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const input = await parseBody(req, createUserSchema);
    return Response.json(await createUser(input, { id: user.id, requestId }), { status: 201 });
  },
  { permission: "users.manage" },
);
