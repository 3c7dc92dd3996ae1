// Human wording for API enum values shown on the dashboard.
import type { InngestMode } from "@/lib/ui/queries/system";

export const inngestModeLabels: Record<InngestMode, string> = {
  dev: "Inngest dev server",
  cloud: "Inngest Cloud",
  "in-process": "In-process runner",
};

export const inngestModeLabel = (mode: string | undefined) =>
  (mode && inngestModeLabels[mode as InngestMode]) || mode || "—";
