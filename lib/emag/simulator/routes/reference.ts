// category/read|count, vat/read, handling_time/read, rma/read|count (contract §5.6-5.7, §8).
import { countResult, filtersOf, fInt, fStr, paging } from "../body";
import { apiError, ok, type RouteHandler } from "../context";
import { CATEGORY_LIST, categoryTemplate, HANDLING_TIMES, VAT_RATES } from "../data/reference";
import type { WireRma } from "../data/rmas";
import { TIMESTAMP_RE } from "../time";

export const readCategories: RouteHandler = ({ body }) => {
  const f = filtersOf(body);
  const id = fInt(f.id);
  if (id !== undefined) {
    const tpl = categoryTemplate(id);
    return ok(tpl ? [tpl] : []);
  }
  // Without an id eMAG lists active categories only.
  return ok(paging(f).slice(CATEGORY_LIST));
};

export const countCategories: RouteHandler = ({ body }) => ok(countResult(CATEGORY_LIST.length, paging(filtersOf(body)).itemsPerPage));

export const readVat: RouteHandler = () => ok(VAT_RATES);
export const readHandlingTimes: RouteHandler = () => ok(HANDLING_TIMES);

function rmaFilter(f: Record<string, unknown>): { error: string } | { match: (r: WireRma) => boolean } {
  const eq = (k: string) => fStr(f[k]);
  const [emagId, orderId, status, type] = [eq("emag_id"), eq("order_id"), fInt(f.request_status), fInt(f.type)];
  const [start, end] = [fStr(f.date_start), fStr(f.date_end)];
  if ((start && !TIMESTAMP_RE.test(start)) || (end && !TIMESTAMP_RE.test(end))) return { error: "Invalid date format. Expected YYYY-mm-dd HH:ii:ss" };
  return {
    match: (r) =>
      (!emagId || String(r.emag_id) === emagId) &&
      (!orderId || r.order_id === orderId) &&
      (status === undefined || r.request_status === status) &&
      (type === undefined || r.type === type) &&
      (!start || r.date >= start) &&
      (!end || r.date <= end),
  };
}

export const readRmas: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  const filter = rmaFilter(f);
  if ("error" in filter) return apiError(filter.error);
  return ok(paging(f).slice(acct.rmas.filter(filter.match)));
};

export const countRmas: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  const filter = rmaFilter(f);
  if ("error" in filter) return apiError(filter.error);
  return ok(countResult(acct.rmas.filter(filter.match).length, paging(f).itemsPerPage));
};
