"use client";
// The signed-in user as resolved on the server for this request (fresh from the database),
// shared with client widgets of the admin shell.
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/permissions";

export interface ShellUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const CurrentUserContext = createContext<ShellUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: ShellUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): ShellUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser must be used inside the admin shell");
  return user;
}
