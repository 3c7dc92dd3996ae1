// The admin menu, declared once: adding a page is one line here. Each entry is shown only to
// roles holding its permission; breadcrumbs and default page titles derive from it too.
import type { ReactNode } from "react";
import {
  AlertOutlined, ApiOutlined, BarChartOutlined, ContactsOutlined, DashboardOutlined, DatabaseOutlined, DollarOutlined, ProfileOutlined, RiseOutlined, ShoppingCartOutlined,
  ShoppingOutlined, SyncOutlined, TeamOutlined,
} from "@ant-design/icons";
import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** A submenu the entry sits in (see navGroups). */
  group?: NavGroupKey;
}

export const navGroups = {
  offers: { label: "Offers", icon: <DollarOutlined /> },
} satisfies Record<string, { label: string; icon: ReactNode }>;
export type NavGroupKey = keyof typeof navGroups;

export const navItems: readonly NavItem[] = [
  { href: "/", label: "Dashboard", icon: <DashboardOutlined />, permission: "dashboard.read" },
  { href: "/orders", label: "Orders", icon: <ShoppingCartOutlined />, permission: "orders.read" },
  { href: "/customers", label: "Customers", icon: <ContactsOutlined />, permission: "customers.read" },
  { href: "/products", label: "Products", icon: <ShoppingOutlined />, permission: "products.read" },
  { href: "/offers/jobs", label: "Offer jobs", icon: <ProfileOutlined />, permission: "offers.read", group: "offers" },
  { href: "/offers/inventory", label: "Inventory", icon: <DatabaseOutlined />, permission: "offers.read", group: "offers" },
  { href: "/offers/repricer", label: "Repricer", icon: <RiseOutlined />, permission: "offers.read", group: "offers" },
  { href: "/reports", label: "Reports", icon: <BarChartOutlined />, permission: "reports.read" },
  { href: "/emag/sync", label: "Product sync", icon: <SyncOutlined />, permission: "products.read" },
  { href: "/emag/accounts", label: "eMAG accounts", icon: <ApiOutlined />, permission: "emag.accounts.read" },
  { href: "/users", label: "Users", icon: <TeamOutlined />, permission: "users.manage" },
  { href: "/settings/alerts", label: "Alerts", icon: <AlertOutlined />, permission: "alerts.manage" },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => can(role, item.permission));
}

/** The menu entry a pathname belongs to: exact match, else the longest prefix ("/" only exactly). */
export function activeNavItem(pathname: string): NavItem | undefined {
  return navItems
    .filter((item) => (item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
