// The two eMAG seller accounts, declared once for lib/accounts (and re-exported by its service).
export const accountKinds = ["main", "fbe"] as const;
export type AccountKind = (typeof accountKinds)[number];
