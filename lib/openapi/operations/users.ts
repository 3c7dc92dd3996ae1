import { idParamsSchema, tokenParamsSchema } from "@/lib/api/schemas";
import { createUserSchema, issueTokenSchema, listUsersQuerySchema, updateUserSchema } from "@/lib/users/schemas";
import type { OperationGroup } from "../types";

const notFound = { description: "No such user" };

export const usersOperations: OperationGroup = {
  tag: "Users",
  description: "Users, roles and API tokens (admin). Password hashes and token hashes are never returned.",
  operations: {
    "GET /api/v1/users": {
      summary: "List users",
      query: listUsersQuerySchema,
      responses: { 200: { description: "A page of users with their API tokens", shape: "page" } },
    },
    "POST /api/v1/users": {
      summary: "Create a user",
      body: createUserSchema,
      responses: { 201: { description: "The new user" }, 409: { description: "The email is taken" } },
    },
    "GET /api/v1/users/{id}": {
      summary: "One user with its API tokens",
      params: idParamsSchema,
      responses: { 200: { description: "The user" }, 404: notFound },
    },
    "PATCH /api/v1/users/{id}": {
      summary: "Change role, name, active or password",
      params: idParamsSchema,
      body: updateUserSchema,
      responses: { 200: { description: "The user after the change" }, 404: notFound, 409: { description: "The change would leave no active admin, or demote or deactivate the caller" } },
    },
    "POST /api/v1/users/{id}/tokens": {
      summary: "Issue a named API token",
      description: "The plain token value is in this response only; MagFlow stores a hash.",
      params: idParamsSchema,
      body: issueTokenSchema,
      responses: { 201: { description: "The token, with its plain value (shown once)" }, 404: notFound },
    },
    "DELETE /api/v1/users/{id}/tokens/{tokenId}": {
      summary: "Revoke an API token",
      params: tokenParamsSchema,
      responses: { 200: { description: "The result" }, 404: { description: "No such user or token" } },
    },
  },
};
