// One wrapper for every route handler: request id, auth (bearer or session), permission,
// awaited params, and error translation. Handlers carry no try/catch plumbing.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/api/errors";
import { handleApiError } from "@/lib/api/handle-error";
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

/** Authenticated route: 401 without a valid bearer token or session, 403 without the permission. */
export function withAuth<P extends RouteParams = RouteParams>(
  handler: (ctx: AuthedContext<P>) => Promise<Response>,
  opts: { permission?: Permission } = {},
) {
  return publicRoute<P>(async (ctx) => {
    const user = await principalFromRequest(ctx.req);
    if (!user) throw new AppError("unauthorized", "Authentication required", { headers: { "WWW-Authenticate": "Bearer" } });
    if (opts.permission && !can(user.role, opts.permission)) {
      throw new AppError("forbidden", `Your role (${user.role}) lacks the "${opts.permission}" permission`);
    }
    return handler({ ...ctx, user });
  });
}
