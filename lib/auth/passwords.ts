import bcrypt from "bcryptjs";
import client from "prom-client";
import { metric } from "@/lib/metrics/registry";

const COST = 10;

/** Password comparisons run (bcrypt's cost is what the login limiter protects); tests read it too. */
export const passwordChecks = () =>
  metric(
    "auth_password_checks_total",
    (registers) =>
      new client.Counter({
        name: "auth_password_checks_total",
        help: "Password hash comparisons (sign-in attempts that reached bcrypt), by whether the user exists",
        labelNames: ["user"],
        registers,
      }),
  );

export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => {
  passwordChecks().inc({ user: "known" });
  return bcrypt.compare(plain, hash);
};

// A real hash to compare against when the user does not exist, so timing does not reveal accounts.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.lQ4Ue5s2cKZ0gJ8DqmQO6gqFKnIS";
export const burnPasswordCheck = (plain: string) => {
  passwordChecks().inc({ user: "unknown" });
  return bcrypt.compare(plain, DUMMY_HASH);
};

/** Total comparisons so far in this process (both labels). */
export async function passwordCheckCount(): Promise<number> {
  const { values } = await passwordChecks().get();
  return values.reduce((sum, v) => sum + v.value, 0);
}
