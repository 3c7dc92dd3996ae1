// Request schemas and response shapes of /api/v1/alerts/*, shared by the routes and the browser.
import { z } from "zod";
import { pageFields } from "@/lib/api/schemas";
import type { AlertSeverity, RuleThreshold } from "./types";

export const CHANNEL_KINDS = ["email", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const ALERT_STATUSES = ["pending", "delivering", "delivered", "failed", "no_channels"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const name = z.string({ message: "must be a string" }).trim().min(1, { message: "must not be empty" }).max(80, { message: "must be at most 80 characters" });
/** A webhook URL: http(s) only (a file: or javascript: URL would be a mistake or an attack). */
export const webhookUrlSchema = z
  .string({ message: "must be a string" })
  .trim()
  .max(2000, { message: "must be at most 2000 characters" })
  .refine((s) => URL.canParse(s) && ["http:", "https:"].includes(new URL(s).protocol), { message: "must be an http(s) URL" });
export const emailListSchema = z
  .array(z.email({ message: "must be a valid e-mail address" }).max(254), { message: "must be a list of e-mail addresses" })
  .min(1, { message: "must hold at least one address" })
  .max(20, { message: "must hold at most 20 addresses" });

export const createChannelSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("email"), name, enabled: z.boolean().default(true), to: emailListSchema }).strict(),
    z.object({ kind: z.literal("webhook"), name, enabled: z.boolean().default(true), url: webhookUrlSchema }).strict(),
  ],
  { message: `must be one of ${CHANNEL_KINDS.join(", ")}` },
);
export type CreateChannelInput = z.infer<typeof createChannelSchema>;

/** A change; `to` only for e-mail channels, `url` only for webhooks (checked against the stored kind). */
export const updateChannelSchema = z
  .object({ name: name.optional(), enabled: z.boolean({ message: "must be true or false" }).optional(), to: emailListSchema.optional(), url: webhookUrlSchema.optional() })
  .strict();
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;

export const updateRuleSchema = z
  .object({
    enabled: z.boolean({ message: "must be true or false" }).optional(),
    threshold: z.number({ message: "must be a number" }).finite({ message: "must be a finite number" }).optional(),
  })
  .strict();
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const ruleParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const listAlertsQuerySchema = z.object({
  ...pageFields,
  rule: z.string().max(64).optional(),
  status: z.enum(ALERT_STATUSES, { message: `must be one of ${ALERT_STATUSES.join(", ")}` }).optional(),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuerySchema>;

export interface ChannelJson {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** E-mail channels: the recipients. */
  to: string[] | null;
  /** Webhooks: the URL's origin only; the path and query may hold a token and are never returned. */
  url_masked: string | null;
  created_at: string;
  updated_at: string;
}

export interface RuleJson {
  id: string;
  title: string;
  description: string;
  severity: AlertSeverity;
  trigger: "event" | "check";
  enabled: boolean;
  threshold: number | null;
  threshold_spec: RuleThreshold | null;
  window_minutes: number;
  customized: boolean;
}

export interface DeliveryVerdictJson {
  channel_id: string | null;
  channel_name: string;
  channel_kind: string;
  attempts: number;
  ok: boolean;
  error: string | null;
  last_attempt_at: string;
}

export interface AlertJson {
  id: string;
  rule_id: string;
  rule_title: string;
  subject_key: string;
  severity: string;
  title: string;
  lines: string[];
  count: number;
  sent_count: number | null;
  status: AlertStatus;
  window_start: string;
  first_at: string;
  last_at: string;
  delivered_at: string | null;
  deliveries: DeliveryVerdictJson[];
}

export interface TestResultJson {
  ok: boolean;
  error: string | null;
}
