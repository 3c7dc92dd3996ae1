"use client";
// The menu itself, shared by the desktop sider and the phone drawer.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu, type MenuProps } from "antd";
import { activeNavItem, navItemsFor } from "@/components/layout/nav-items";
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

  const items: MenuProps["items"] = navItemsFor(role).map((item) => ({
    key: item.href,
    icon: item.icon,
    label: <Link href={item.href}>{item.label}</Link>,
  }));

  return (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={active ? [active.href] : []}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: "none" }}
      data-testid="side-nav"
    />
  );
}
