import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { GET as me } from "@/app/api/v1/me/route";
import { call, uniqueEmail, userWithToken } from "../helpers/api";
import { createUser } from "@/lib/users/service";

describe("POST /api/v1/auth/login", () => {
  it("returns a bearer token that authenticates API calls", async () => {
    const { user, password } = await userWithToken("manager");
    const res = await call(login, { method: "POST", body: { email: user.email.toUpperCase(), password } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: "bearer", expires_in: expect.any(Number) });
    const token = res.json.access_token as string;
    expect(token).toMatch(/^mf_/);
    const who = await call(me, { token });
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ email: user.email, role: "manager" });
    expect(JSON.stringify(who.json)).not.toMatch(/passwordHash|password_hash/);
  });

  it("answers wrong credentials with a generic 401", async () => {
    const { user } = await userWithToken("viewer");
    const wrongPassword = await call(login, { method: "POST", body: { email: user.email, password: "nope-nope-nope" } });
    const unknownUser = await call(login, { method: "POST", body: { email: uniqueEmail("ghost"), password: "whatever-123" } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.json.error?.message).toBe(unknownUser.json.error?.message);
  });

  it("rejects malformed JSON with 400 and wrong types with 422 naming the field", async () => {
    const malformed = await call(login, { method: "POST", rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.code).toBe("invalid_json");

    const wrongTypes = await call(login, { method: "POST", body: { email: 42, password: ["x"] } });
    expect(wrongTypes.status).toBe(422);
    const fields = (wrongTypes.json.error?.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
    expect(wrongTypes.text).not.toMatch(/at \w+ \(/); // no stack trace
  });

  it("slows down repeated failures with 429 and Retry-After", async () => {
    const email = uniqueEmail("brute");
    await createUser({ email, name: "Brute", password: "right-password-1", role: "viewer" }, null);
    const headers = { "x-real-ip": "203.0.113.7" };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await call(login, { method: "POST", headers, body: { email, password: `wrong-${i}` } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const locked = await call(login, { method: "POST", headers, body: { email, password: "right-password-1" } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses calls without credentials or with a bogus token", async () => {
    expect((await call(me)).status).toBe(401);
    expect((await call(me, { token: "mf_not-a-real-token" })).status).toBe(401);
  });
});
