// The shapes every alert rule shares. A rule turns facts (an event from a hook, or a periodic
// check) into subjects: one subject is one alert, deduplicated per rule + key + window.
export type AlertSeverity = "critical" | "warning" | "info";

/** One thing to alert about: `key` is the dedup subject (e.g. an account), `count` how many occurrences it carries. */
export interface AlertSubject {
  key: string;
  title: string;
  /** Facts shown in the message, one per line. */
  lines: string[];
  count?: number;
  /** A page of MagFlow to open (path only). */
  link?: string;
}

export interface RuleThreshold {
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
}

interface RuleBase {
  title: string;
  description: string;
  severity: AlertSeverity;
  defaultEnabled: boolean;
  /** One alert per subject per window of this many minutes. */
  windowMinutes: number;
  threshold: RuleThreshold | null;
  /** How repeated subjects in one window add up: events add their counts; a periodic check reports a level, so the highest wins. */
  aggregate: "sum" | "max";
}

/** Raised by a hook in domain code: raiseAlert(id, event). `match` is pure. */
export interface EventRule<E> extends RuleBase {
  trigger: "event";
  match(event: E, threshold: number | null): AlertSubject[];
}

/** Evaluated by the periodic alerts check (lib/jobs/schedules.ts "alertsCheck"). */
export interface CheckRule extends RuleBase {
  trigger: "check";
  check(threshold: number | null, now: Date): Promise<AlertSubject[]>;
}

export type AlertRule = EventRule<never> | CheckRule;

export const eventRule = <E>(r: Omit<EventRule<E>, "trigger">): EventRule<E> => ({ ...r, trigger: "event" });
export const checkRule = (r: Omit<CheckRule, "trigger">): CheckRule => ({ ...r, trigger: "check" });
