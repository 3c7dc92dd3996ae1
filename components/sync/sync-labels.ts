// Display text for sync statuses, modes and conflict strategies.
import type { ConflictStrategy, SyncStatus } from "@/lib/ui/queries/emag-sync";

export const syncStatusLooks: Record<SyncStatus, { color: string; label: string }> = {
  running: { color: "processing", label: "Running" },
  completed: { color: "success", label: "Completed" },
  partial: { color: "warning", label: "Partial" },
  failed: { color: "error", label: "Failed" },
  cancelled: { color: "default", label: "Cancelled" },
};

export const syncStatusOptions = Object.entries(syncStatusLooks).map(([value, look]) => ({ value: value as SyncStatus, label: look.label }));

export const modeLabels: Record<string, string> = { full: "Full", incremental: "Incremental" };

export const conflictStrategyLabels: Record<ConflictStrategy, { label: string; hint: string }> = {
  emag_priority: { label: "eMAG wins", hint: "eMAG's values overwrite any local edits." },
  local_priority: { label: "Local edits win", hint: "Fields edited in MagFlow are kept; everything else follows eMAG." },
  newest_wins: { label: "Newest wins", hint: "Whichever side changed the field last keeps it." },
  manual: { label: "Manual review", hint: "Conflicting products are left as they are and flagged for review." },
};

export const counterLabels = {
  created: "Created",
  updated: "Updated",
  unchanged: "Unchanged",
  removed: "Removed",
  failed: "Failed",
} as const;
