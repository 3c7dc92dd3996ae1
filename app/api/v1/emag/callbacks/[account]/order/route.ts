import { AppError } from "@/lib/api/errors";
import { publicRoute } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { callbackParamsSchema, callbackQuerySchema } from "@/lib/orders/schemas";
import { requestCallbackSync, verifyCallbackToken } from "@/lib/orders/service";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/callbacks/{account}/order?order_id=N&token=… - eMAG's new-order callback.
// eMAG cannot sign its calls, so the account's secret token in the URL is the authentication
// (compared in constant time). It answers at once; the order is synced in the background.
export const GET = publicRoute<{ account: string }>(async ({ req, params }) => {
  const { account } = parseParams(params, callbackParamsSchema);
  const token = new URL(req.url).searchParams.get("token") ?? undefined;
  if (!(await verifyCallbackToken(account, token)))
    throw new AppError("unauthorized", "Invalid or missing callback token");
  const { order_id } = parseQuery(req, callbackQuerySchema);
  await requestCallbackSync(account, order_id);
  return Response.json({ received: true, account, order_id }, { status: 200 });
});
