"use client";
import { Tag } from "antd";
import type { Role } from "@/lib/auth/permissions";

const colors: Record<Role, string> = { admin: "volcano", manager: "geekblue", viewer: "default" };

export function RoleTag({ role }: { role: Role | string }) {
  return <Tag color={colors[role as Role] ?? "default"}>{role}</Tag>;
}
