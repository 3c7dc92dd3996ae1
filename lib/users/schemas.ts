import { z } from "zod";
import { pageFields } from "@/lib/api/schemas";
import { roles } from "@/lib/auth/permissions";

const email = z.email({ message: "must be a valid email address" }).max(254).transform((v) => v.toLowerCase());
const password = z.string().min(10, { message: "must be at least 10 characters" }).max(200);
const name = z.string().trim().min(1, { message: "is required" }).max(120);
const role = z.enum(roles, { message: `must be one of ${roles.join(", ")}` });

export const createUserSchema = z.object({ email, name, password, role });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ name, role, active: z.boolean({ message: "must be true or false" }), password })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "at least one of name, role, active, password is required" });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const listUsersQuerySchema = z.object({
  ...pageFields,
  search: z.string().trim().max(200).optional(),
  role: role.optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  sort: z.enum(["createdAt", "email", "name", "role", "lastLoginAt"]).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const issueTokenSchema = z.object({
  name: z.string().trim().min(1, { message: "is required" }).max(100),
  expires_in_days: z.number().int().min(1).max(3650).optional(),
});
export type IssueTokenInput = z.infer<typeof issueTokenSchema>;
