import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listUsers, POST as createUserRoute } from "@/app/api/v1/users/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { POST as issueTokenRoute } from "@/app/api/v1/users/[id]/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/users/[id]/tokens/[tokenId]/route";
import { db } from "@/lib/db";
import { call, uniqueEmail, userWithToken } from "../helpers/api";

describe("user management", () => {
  it("admin creates a viewer who can sign in but not manage users; deactivation ends the viewer's token at once", async () => {
    const admin = await userWithToken("admin");
    const email = uniqueEmail("viewer");
    const created = await call(createUserRoute, {
      method: "POST",
      token: admin.token,
      body: { email, name: "Vera Viewer", password: "viewer-password-1", role: "viewer" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email, role: "viewer", active: true });
    expect(created.text).not.toMatch(/password/i);

    const session = await call(login, { method: "POST", body: { email, password: "viewer-password-1" } });
    expect(session.status).toBe(200);
    const viewerToken = session.json.access_token as string;

    const forbidden = await call(createUserRoute, {
      method: "POST",
      token: viewerToken,
      body: { email: uniqueEmail(), name: "X", password: "xxxxxxxxxxxx", role: "viewer" },
    });
    expect(forbidden.status).toBe(403);

    const id = created.json.id as string;
    const deactivated = await call(patchUser, { method: "PATCH", token: admin.token, params: { id }, body: { active: false } });
    expect(deactivated.status).toBe(200);
    expect((await call(me, { token: viewerToken })).status).toBe(401);

    const audit = await db.auditLog.findFirst({ where: { entityId: id, action: "user.update" } });
    expect(audit?.oldValues).toEqual({ active: true });
    expect(audit?.newValues).toEqual({ active: false });
  });

  it("issues a named API token once, and revocation stops it at once", async () => {
    const admin = await userWithToken("admin");
    const target = await userWithToken("manager");
    const issued = await call(issueTokenRoute, {
      method: "POST",
      token: admin.token,
      params: { id: target.user.id },
      body: { name: "ci-bot", expires_in_days: 30 },
    });
    expect(issued.status).toBe(201);
    const apiToken = issued.json.token as string;
    expect((await call(me, { token: apiToken })).status).toBe(200);

    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: issued.json.id as string } });
    expect(stored.tokenHash).not.toContain(apiToken);

    const revoked = await call(revokeTokenRoute, {
      method: "DELETE",
      token: admin.token,
      params: { id: target.user.id, tokenId: issued.json.id as string },
    });
    expect(revoked.status).toBe(200);
    expect((await call(me, { token: apiToken })).status).toBe(401);
  });

  it("never writes passwords to the audit log and records changes with old and new values", async () => {
    const admin = await userWithToken("admin");
    const target = await userWithToken("viewer");
    const res = await call(patchUser, {
      method: "PATCH",
      token: admin.token,
      params: { id: target.user.id },
      body: { role: "manager", password: "a-brand-new-password" },
    });
    expect(res.status).toBe(200);
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: target.user.id, action: "user.update" } });
    expect(entry.oldValues).toMatchObject({ role: "viewer" });
    expect(entry.newValues).toMatchObject({ role: "manager" });
    expect(JSON.stringify(entry)).not.toContain("a-brand-new-password");
    // a new password ends existing sign-in tokens
    expect((await call(me, { token: target.token })).status).toBe(401);
  });

  it("validates input and names the field", async () => {
    const admin = await userWithToken("admin");
    const bad = await call(createUserRoute, {
      method: "POST",
      token: admin.token,
      body: { email: "not-an-email", name: "", password: "short", role: "owner" },
    });
    expect(bad.status).toBe(422);
    const fields = (bad.json.error?.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(["email", "name", "password", "role"]);

    const badId = await call(patchUser, { method: "PATCH", token: admin.token, params: { id: "123" }, body: { name: "x" } });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.json.error?.details)).toContain('"field":"id"');

    const duplicate = await call(createUserRoute, {
      method: "POST",
      token: admin.token,
      body: { email: admin.user.email, name: "Dup", password: "long-enough-pass", role: "viewer" },
    });
    expect(duplicate.status).toBe(409);
  });

  it("refuses to let an admin remove their own admin access", async () => {
    const admin = await userWithToken("admin");
    const res = await call(patchUser, { method: "PATCH", token: admin.token, params: { id: admin.user.id }, body: { role: "viewer" } });
    expect(res.status).toBe(409);
  });

  it("lists users with server-side paging, search and sorting", async () => {
    const admin = await userWithToken("admin");
    for (let i = 0; i < 3; i++) await userWithToken("viewer");
    const local = admin.user.email.split("@")[0]!.toUpperCase();
    const found = await call(listUsers, { token: admin.token, path: `/api/v1/users?search=${local}` });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ total: 1, page: 1, data: [{ id: admin.user.id }] });
    const none = await call(listUsers, { token: admin.token, path: "/api/v1/users?search=no-such-person-zzz" });
    expect(none.json).toMatchObject({ data: [], total: 0 });

    const page = await call(listUsers, { token: admin.token, path: "/api/v1/users?page=1&pageSize=2&sort=email&order=asc&role=viewer" });
    const data = page.json.data as { email: string; role: string }[];
    expect(data).toHaveLength(2);
    expect(data.every((u) => u.role === "viewer")).toBe(true);
    expect(data[0]!.email <= data[1]!.email).toBe(true);
    expect(page.json.total).toBeGreaterThanOrEqual(3);

    const tooBig = await call(listUsers, { token: admin.token, path: "/api/v1/users?pageSize=1000" });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.json.error?.details)).toContain('"field":"pageSize"');
  });
});
