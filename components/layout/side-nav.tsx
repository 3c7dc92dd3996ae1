"use client";
// The menu itself, shared by the desktop sider and the phone drawer.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu, type MenuProps } from "antd";
import { activeNavItem, navGroups, navItemsFor, type NavGroupKey, type NavItem } from "@/components/layout/nav-items";
import { useCurrentUser } from "@/components/layout/current-user";

interface SideNavProps {
  theme?: "light" | "dark";
  /** Called after an entry is chosen (the phone drawer closes itself). */
  onNavigate?: () => void;
}

export function SideNav({ theme = "dark", onNavigate }: SideNavProps) {
  const pathname = usePathname();
  const { role } = useCurrentUser();
  const active = activeNavItem(pathname);

  const entry = (item: NavItem) => ({ key: item.href, icon: item.icon, label: <Link href={item.href}>{item.label}</Link> });
  // Grouped entries become one submenu, placed where the group's first entry is.
  const items: NonNullable<MenuProps["items"]> = [];
  const groups = new Map<NavGroupKey, NonNullable<MenuProps["items"]>>();
  for (const item of navItemsFor(role)) {
    if (!item.group) {
      items.push(entry(item));
      continue;
    }
    let children = groups.get(item.group);
    if (!children) {
      children = [];
      groups.set(item.group, children);
      items.push({ key: `group:${item.group}`, icon: navGroups[item.group].icon, label: navGroups[item.group].label, children });
    }
    children.push(entry(item));
  }

  return (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={active ? [active.href] : []}
      defaultOpenKeys={active?.group ? [`group:${active.group}`] : []}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: "none" }}
      data-testid="side-nav"
    />
  );
}
