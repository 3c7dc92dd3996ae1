// "Send test alert": one message straight to one channel (no window, no retries), answering the
// channel's own error so the admin sees what is wrong.
import { publicBaseUrl } from "@/lib/env";
import { getChannelRow } from "./channels";
import type { TestResultJson } from "./api-types";
import { sendToChannel } from "./send";

export async function testChannel(id: string): Promise<TestResultJson> {
  const channel = await getChannelRow(id);
  const now = new Date();
  try {
    await sendToChannel(channel, {
      ruleTitle: "Test alert",
      severity: "info",
      title: `Test alert from MagFlow to “${channel.name}”`,
      lines: ["If you can read this, the channel works."],
      count: 1,
      firstAt: now,
      lastAt: now,
      windowMinutes: 0,
      url: `${publicBaseUrl()}/settings/alerts`,
      test: true,
    });
    return { ok: true, error: null };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
