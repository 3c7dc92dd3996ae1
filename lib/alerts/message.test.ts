import { describe, expect, it } from "vitest";
import { maskUrl } from "./channels";
import { formatEmail, formatWebhook, type AlertMessageInput } from "./message";

const base: AlertMessageInput = {
  ruleTitle: "Sync failed or partial",
  severity: "critical",
  title: "Product sync failed (MAIN)",
  lines: ["Status: failed", "Last error: <HTTP 500> & more"],
  count: 1,
  firstAt: new Date("2026-12-01T14:00:00.000Z"),
  lastAt: new Date("2026-12-01T14:00:00.000Z"),
  windowMinutes: 30,
  url: "https://magflow.example.com/emag/sync",
};

describe("alert messages", () => {
  it("e-mail: severity and title in the subject, facts and the link in the body", () => {
    const m = formatEmail(base);
    expect(m.subject).toBe("[MagFlow] CRITICAL: Product sync failed (MAIN)");
    expect(m.text.split("\n")).toEqual([
      "Product sync failed (MAIN)",
      "",
      "Rule: Sync failed or partial",
      "Occurred once at 2026-12-01T14:00:00.000Z.",
      "",
      "Status: failed",
      "Last error: <HTTP 500> & more",
      "",
      "Open: https://magflow.example.com/emag/sync",
    ]);
  });

  it("carries the count of a burst", () => {
    const m = { ...base, count: 10, lastAt: new Date("2026-12-01T14:00:08.000Z") };
    expect(formatEmail(m).subject).toBe("[MagFlow] CRITICAL: Product sync failed (MAIN) (x10)");
    expect(formatEmail(m).text).toContain("Occurred 10 times between 2026-12-01T14:00:00.000Z and 2026-12-01T14:00:08.000Z (one alert per 30 min).");
    expect(formatWebhook(m).text).toBe("Product sync failed (MAIN) (x10)");
  });

  it("webhook: Slack-compatible { text, blocks } with mrkdwn escaped and the link as a Slack link", () => {
    const w = formatWebhook(base);
    expect(w.text).toBe("Product sync failed (MAIN)");
    expect(w.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: ":rotating_light: *Product sync failed (MAIN)*\nStatus: failed\nLast error: &lt;HTTP 500&gt; &amp; more\n<https://magflow.example.com/emag/sync|Open in MagFlow>" },
    });
    expect(w.blocks[1]?.elements?.[0]?.text).toBe("Sync failed or partial · Occurred once at 2026-12-01T14:00:00.000Z.");
  });

  it("marks a test message", () => {
    expect(formatEmail({ ...base, test: true, severity: "info" }).subject).toBe("[MagFlow test] Info: Product sync failed (MAIN)");
    expect(formatWebhook({ ...base, test: true }).text).toBe("[test] Product sync failed (MAIN)");
  });

  it("a webhook URL is shown as its origin only: no token, no credentials", () => {
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/XXXXSECRET")).toBe("https://hooks.slack.com/…");
    expect(maskUrl("https://user:pass@example.com:8443/hook?token=abc")).toBe("https://example.com:8443/…");
    expect(maskUrl("not a url")).toBe("…");
  });
});
