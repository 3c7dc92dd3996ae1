"use client";
// The two views of the Customers area: the list and the overview (charts).
import { Tabs } from "antd";
import { useRouter } from "next/navigation";

const views = [
  { key: "list", label: "List", href: "/customers" },
  { key: "overview", label: "Overview", href: "/customers/overview" },
] as const;

export function CustomersNav({ active }: { active: (typeof views)[number]["key"] }) {
  const router = useRouter();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => router.push(views.find((v) => v.key === key)!.href)}
      items={views.map((v) => ({ key: v.key, label: <span data-testid={`customers-nav-${v.key}`}>{v.label}</span> }))}
      style={{ marginBottom: -16 }}
      data-testid="customers-nav"
    />
  );
}
