// The repricer API's request and response shapes, defined once for the routes and the UI. Pure (zod
// and the price core only), so browser code may import it. Prices are ex VAT, at 4 decimals.
import { z } from "zod";
import { pageFields } from "@/lib/api/schemas";
import { repricerStrategies, type RepricerStrategy } from "./price";

export { repricerStrategies, type RepricerStrategy };
export const REPRICER_ACCOUNTS = ["main", "fbe"] as const;
export type RepricerAccount = (typeof REPRICER_ACCOUNTS)[number];

const fourDecimals = (n: number) => Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6;
const money = (what: string) =>
  z.coerce.number({ message: "must be a number" }).refine(Number.isFinite, "must be a number").positive(`${what} must be greater than 0`)
    .max(10_000_000, "must be at most 10,000,000").refine(fourDecimals, "takes at most 4 decimals");

/** Which of the account's live offers a rule covers; every condition given must hold (empty = all). */
export const ruleScopeSchema = z.strictObject({
  /** eMAG offer ids (the seller's ext ids, emag_offer_id) of the rule's account. */
  offer_ids: z.array(z.string().trim().regex(/^\d{1,10}$/, "must be an eMAG offer id (digits)")).min(1, "list at least one offer id").max(5_000, "at most 5,000 offer ids").optional(),
  brand: z.string().trim().min(1, "must not be empty").max(200).optional(),
  category_id: z.coerce.number({ message: "must be a number" }).int("must be a whole number").positive("must be a category id").optional(),
  /** Part of the name or the part number (case-insensitive). */
  search: z.string().trim().min(1, "must not be empty").max(200).optional(),
});
export type RuleScope = z.infer<typeof ruleScopeSchema>;

const ruleFields = {
  name: z.string({ message: "is required" }).trim().min(1, "is required").max(120, "must be at most 120 characters"),
  account: z.enum(REPRICER_ACCOUNTS, { message: "must be main or fbe" }),
  scope: ruleScopeSchema,
  strategy: z.enum(repricerStrategies, { message: "must be buy_button or smart_deals" }),
  step: money("step").refine((n) => n >= 0.0001, "must be at least 0.0001").max(100_000, "must be at most 100,000"),
  floor: money("floor").nullable(),
  ceiling: money("ceiling").nullable(),
  enabled: z.boolean({ message: "must be true or false" }),
  priority: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be at least 0").max(100_000, "must be at most 100,000"),
};

/** floor <= ceiling, reported on `floor` (and on `ceiling`, for forms that show it there). */
export function boundsIssue(floor: number | null | undefined, ceiling: number | null | undefined) {
  return floor != null && ceiling != null && floor > ceiling ? `must be at most the ceiling (${ceiling})` : null;
}

export const createRuleSchema = z
  .strictObject({
    ...ruleFields,
    scope: ruleScopeSchema.default({}),
    step: ruleFields.step.default(0.01),
    floor: ruleFields.floor.default(null),
    ceiling: ruleFields.ceiling.default(null),
    enabled: ruleFields.enabled.default(true),
    priority: ruleFields.priority.default(100),
  })
  .superRefine((r, ctx) => {
    const issue = boundsIssue(r.floor, r.ceiling);
    if (issue) ctx.addIssue({ code: "custom", path: ["floor"], message: issue });
  });
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

/** PATCH: any field; floor <= ceiling is checked against the stored rule once merged. */
export const updateRuleSchema = z
  .strictObject({
    name: ruleFields.name.optional(),
    account: ruleFields.account.optional(),
    scope: ruleFields.scope.optional(),
    strategy: ruleFields.strategy.optional(),
    step: ruleFields.step.optional(),
    floor: ruleFields.floor.optional(),
    ceiling: ruleFields.ceiling.optional(),
    enabled: ruleFields.enabled.optional(),
    priority: ruleFields.priority.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "change at least one field" });
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const listRulesQuerySchema = z.object({
  ...pageFields,
  account: z.preprocess((v) => (v === "" ? undefined : v), z.enum(REPRICER_ACCOUNTS, { message: "must be main or fbe" }).optional()),
  enabled: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true").optional()),
});
export type ListRulesQuery = z.infer<typeof listRulesQuerySchema>;

export const planRowStatuses = ["change", "unchanged", "skipped", "invalid"] as const;
export type PlanRowStatus = (typeof planRowStatuses)[number];

export const dryRunQuerySchema = z.object({ ...pageFields, only: z.enum(["all", ...planRowStatuses], { message: "must be all, change, unchanged, skipped or invalid" }).default("all") });
export type DryRunQuery = z.infer<typeof dryRunQuerySchema>;

export interface RuleJson {
  id: string;
  name: string;
  account: RepricerAccount;
  scope: RuleScope;
  strategy: RepricerStrategy;
  step: number;
  floor: number | null;
  ceiling: number | null;
  enabled: boolean;
  priority: number;
  created_by_id: string | null;
  created_at: string;
  updated_at: string;
  last_run_at: string | null;
}

/** One offer of a plan: old -> new, and why. */
export interface PlanRow {
  seq: number;
  product_id: string;
  account: RepricerAccount;
  emag_offer_id: string;
  name: string | null;
  part_number: string | null;
  rule_id: string;
  rule_name: string;
  strategy: RepricerStrategy;
  current_price: number | null;
  target_price: number | null;
  min_sale_price: number | null;
  max_sale_price: number | null;
  best_offer_sale_price: number | null;
  buy_button_rank: number | null;
  number_of_offers: number | null;
  smart_deals_price: number | null;
  reason: string;
  clamped: boolean;
  would_change: boolean;
  status: PlanRowStatus;
  violations: { field: string; message: string }[];
}

export interface PlanSummary {
  total: number;
  change: number;
  unchanged: number;
  skipped: number;
  invalid: number;
}

/** Limits a run hit, said out loud: offers beyond them were not looked at. */
export interface PlanLimits {
  offers: { limit: number; matched: number; truncated: boolean };
  smart_deals: { limit: number; checked: number; truncated: boolean } | null;
}

export interface DryRunResult {
  summary: PlanSummary;
  limits: PlanLimits;
  data: PlanRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApplyResult {
  summary: PlanSummary;
  limits: PlanLimits;
  /** The offer job carrying the changes (GET /api/v1/emag/offers/jobs/{id}); null when nothing changes. */
  job: { id: string; status: string; total: number; skipped: number } | null;
  engine: "inngest" | "in-process" | "none" | null;
  message: string;
}
