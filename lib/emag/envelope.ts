// The {isError, messages, results, errors?} envelope. Messages come as strings on most routes and
// as objects ({message, field} / {code, message}) on some; both are flattened to readable text.
import { z } from "zod";
import { int } from "./wire";

const messageObject = z
  .looseObject({ message: z.unknown().optional(), field: z.unknown().optional(), code: z.unknown().optional() })
  .transform((m) => {
    const body = typeof m.message === "string" ? m.message : JSON.stringify(m);
    return typeof m.field === "string" && m.field ? `${m.field}: ${body}` : body;
  });

/** One message, whatever shape eMAG used. */
export const emagMessage = z.union([
  z.string(),
  z.number().transform(String),
  messageObject,
  z.unknown().transform((v) => JSON.stringify(v)),
]);

/** Flattens messages that arrive as a list, a single string, or an object keyed by field. */
export const emagMessages = z
  .union([
    z.array(emagMessage),
    z.string().transform((s) => [s]),
    z.record(z.string(), emagMessage).transform((o) => Object.values(o)),
    z.null(),
  ])
  .optional()
  .transform((v) => (v ?? []).flat().filter((m) => m !== ""));

const isErrorFlag = z
  .union([z.boolean(), z.enum(["true", "false"]), int])
  .transform((v) => v === true || v === "true" || v === 1);

export const envelopeSchema = z.looseObject({
  isError: isErrorFlag,
  messages: emagMessages,
  results: z.unknown().optional(),
  errors: emagMessages,
});
export type Envelope = z.output<typeof envelopeSchema>;

/** Parses the envelope; undefined when the body is not an envelope (gateway errors, 429 bodies). */
export function parseEnvelope(body: unknown): Envelope | undefined {
  const r = envelopeSchema.safeParse(body);
  return r.success ? r.data : undefined;
}

/** Messages from any error body: the envelope, Kong's {message}, or the REST {message, errors}. */
export function messagesOf(body: unknown): string[] {
  const env = parseEnvelope(body);
  if (env) return [...env.messages, ...env.errors];
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    const main = typeof o.message === "string" ? [o.message] : [];
    return [...main, ...emagMessages.catch([]).parse(o.errors)];
  }
  return [];
}

/** `count` results: eMAG sends strings ({"noOfItems":"1275",...}); occasionally wrapped in a list. */
const countObject = z.looseObject({ noOfItems: int, noOfPages: int.optional(), itemsPerPage: int.optional() });
export const countSchema = z
  .union([countObject, z.array(countObject).min(1).transform((a) => a[0]!)])
  .transform((c) => {
    const itemsPerPage = c.itemsPerPage ?? 100;
    return {
      noOfItems: c.noOfItems,
      itemsPerPage,
      noOfPages: c.noOfPages ?? Math.ceil(c.noOfItems / Math.max(1, itemsPerPage)),
    };
  });
export type EmagCount = z.output<typeof countSchema>;
