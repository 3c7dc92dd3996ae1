// One wrapper for every route handler: request id, auth (bearer or session), per-user rate limit,
// permission, awaited params, and error translation. Handlers carry no try/catch plumbing.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/api/errors";
import { handleApiError } from "@/lib/api/handle-error";
import { takeApiQuota, withResponseHeaders, type RateLimitBucket } from "@/lib/api/rate-limit";
import { can, type Permission } from "@/lib/auth/permissions";
import { principalFromRequest, type Principal } from "@/lib/auth/principal";

type RouteParams = Record<string, string | string[]>;

export interface HandlerContext<P extends RouteParams> {
  req: NextRequest;
  params: P;
  requestId: string;
}

export interface AuthedContext<P extends RouteParams> extends HandlerContext<P> {
  user: Principal;
}

type NextRouteContext = { params: Promise<RouteParams> };

const requestIdOf = (req: Request) => req.headers.get("x-request-id") ?? randomUUID();

/** Public route: no auth, same error handling. */
export function publicRoute<P extends RouteParams = RouteParams>(handler: (ctx: HandlerContext<P>) => Promise<Response>) {
  return async (req: NextRequest, route?: NextRouteContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    try {
      const params = ((await route?.params) ?? {}) as P;
      return await handler({ req, params, requestId });
    } catch (err) {
      return handleApiError(err, requestId);
    }
  };
}

export interface WithAuthOptions {
  permission?: Permission;
  /** Which per-user budget the route spends (lib/api/rate-limit.ts): "emag" for routes that call eMAG. Default "api". */
  rateLimit?: RateLimitBucket;
}

/**
 * Authenticated route: 401 without a valid bearer token or session, 429 over the caller's rate
 * limit, 403 without the permission. Every response after authentication carries RateLimit-* headers.
 */
export function withAuth<P extends RouteParams = RouteParams>(handler: (ctx: AuthedContext<P>) => Promise<Response>, opts: WithAuthOptions = {}) {
  return publicRoute<P>(async (ctx) => {
    const user = await principalFromRequest(ctx.req);
    if (!user) throw new AppError("unauthorized", "Authentication required", { headers: { "WWW-Authenticate": "Bearer" } });
    const quota = await takeApiQuota(user, opts.rateLimit ?? "api");
    let res: Response;
    try {
      if (opts.permission && !can(user.role, opts.permission)) {
        throw new AppError("forbidden", `Your role (${user.role}) lacks the "${opts.permission}" permission`);
      }
      res = await handler({ ...ctx, user });
    } catch (err) {
      res = handleApiError(err, ctx.requestId); // here rather than in publicRoute, so errors carry the headers too
    }
    return withResponseHeaders(res, quota);
  });
}
