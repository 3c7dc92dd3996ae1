// The products API authenticates bearer tokens through a short-lived in-process cache: repeated
// requests must not re-read the token, yet revocation, deactivation and role changes made through
// the app must take effect on the very next request.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/emag/products/products/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AUTH_CACHE_MS, hashToken, invalidateAuthCache, issueToken } from "@/lib/auth/tokens";
import { revokeApiToken, updateUser } from "@/lib/users/service";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

const list = (token: string) => call(listRoute, { token, path: "/x?pageSize=1" });

describe("bearer token cache", () => {
  it("serves repeated requests without re-reading the token row", async () => {
    const { token } = await userWithToken("viewer");
    expect((await list(token)).status).toBe(200);
    // Revoked behind the app's back (by hand, or by another process): the cached resolution still
    // answers, which shows the row was not read again; it lasts at most AUTH_CACHE_MS.
    await db.apiToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { revokedAt: new Date() } });
    expect((await list(token)).status).toBe(200);
    expect(AUTH_CACHE_MS).toBeLessThanOrEqual(5_000);
    invalidateAuthCache();
    expect((await list(token)).status).toBe(401);
  });

  it("revoking a token takes effect on the next request", async () => {
    const { user, token: admin } = await userWithToken("admin");
    const issued = await issueToken(user.id, { name: "api", kind: "api" });
    expect((await list(issued.token)).status).toBe(200);
    expect((await list(issued.token)).status).toBe(200); // now cached
    await revokeApiToken(user.id, issued.id, { id: user.id });
    expect((await list(issued.token)).status).toBe(401);
    expect((await list(admin)).status).toBe(200);
  });

  it("deactivating a user takes effect on the next request", async () => {
    const { user: admin } = await userWithToken("admin");
    const { user, token } = await userWithToken("viewer");
    expect((await list(token)).status).toBe(200);
    await updateUser(user.id, { active: false }, { id: admin.id });
    expect((await list(token)).status).toBe(401);
    await updateUser(user.id, { active: true }, { id: admin.id });
    expect((await list(token)).status).toBe(200);
  });

  it("a browser session of a deactivated user is refused on the next request", async () => {
    const { user: admin } = await userWithToken("admin");
    const { user } = await userWithToken("viewer");
    const jwt = await encode({ token: { sub: user.id }, secret: env().NEXTAUTH_SECRET! });
    const viaSession = () => call(listRoute, { path: "/x?pageSize=1", headers: { cookie: `next-auth.session-token=${jwt}` } });
    expect((await viaSession()).status).toBe(200);
    expect((await viaSession()).status).toBe(200); // now cached
    await updateUser(user.id, { active: false }, { id: admin.id });
    expect((await viaSession()).status).toBe(401);
  });
});
