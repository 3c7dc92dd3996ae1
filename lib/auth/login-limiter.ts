// Slows down password guessing. Every sign-in attempt takes a point, atomically and BEFORE the
// password is hashed, from two budgets:
//   - the account's (the email, whatever the address): LOGIN_MAX_FAILURES per LOGIN_LOCKOUT_SECONDS;
//   - the client address's (any account): LOGIN_IP_MAX_FAILURES per LOGIN_LOCKOUT_SECONDS.
// So of 30 concurrent guesses at one account, at most LOGIN_MAX_FAILURES reach bcrypt; the rest get
// 429 with Retry-After. An attempt the account budget refuses never touches the address budget,
// and one the address budget refuses gives its account point back, so hammering one account does
// not lock other users out of the same address. A successful sign-in refunds both points: only
// failures count. Counters are shared through Redis when REDIS_URL is set (lib/limits).
import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { consume, createLimiter, namedLimiter, refund, secondsUntilReset, type Consumed } from "@/lib/limits";

const accountLimiter = () =>
  namedLimiter("login:account", () => {
    const e = env();
    return createLimiter({
      keyPrefix: "magflow:login:account",
      points: e.LOGIN_MAX_FAILURES,
      durationSeconds: e.LOGIN_LOCKOUT_SECONDS,
      blockSeconds: e.LOGIN_LOCKOUT_SECONDS,
    });
  });

const ipLimiter = () =>
  namedLimiter("login:ip", () => {
    const e = env();
    return createLimiter({
      keyPrefix: "magflow:login:ip",
      points: e.LOGIN_IP_MAX_FAILURES,
      durationSeconds: e.LOGIN_LOCKOUT_SECONDS,
      blockSeconds: e.LOGIN_LOCKOUT_SECONDS,
    });
  });

function tooMany(c: Consumed, what: string): never {
  const retry = secondsUntilReset(c.res);
  throw new AppError("rate_limited", `Too many failed sign-in attempts ${what}. Try again in ${retry} s.`, {
    headers: { "Retry-After": String(retry) },
  });
}

export interface LoginAttempt {
  /** Gives the attempt's points back: call it when the sign-in succeeded (or failed for a reason that is not a wrong password). */
  refund(): Promise<void>;
}

/**
 * Takes one attempt from the account's and the address's budgets; throws 429 (with Retry-After)
 * when either is spent. The caller checks the password only after this returns, and calls
 * refund() when the password was right.
 */
export async function beginLoginAttempt(email: string, ip: string): Promise<LoginAttempt> {
  const accountKey = email.trim().toLowerCase();
  const account = await consume(accountLimiter(), accountKey);
  if (!account.allowed) tooMany(account, "for this account");
  let address: Consumed;
  try {
    address = await consume(ipLimiter(), ip);
  } catch (err) {
    await refund(accountLimiter(), accountKey);
    throw err;
  }
  if (!address.allowed) {
    await refund(accountLimiter(), accountKey);
    tooMany(address, "from this address");
  }
  let refunded = false;
  return {
    async refund() {
      if (refunded) return;
      refunded = true;
      await Promise.all([refund(accountLimiter(), accountKey), refund(ipLimiter(), ip)]);
    },
  };
}
