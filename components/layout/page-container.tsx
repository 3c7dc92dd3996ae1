"use client";
// Breadcrumbs and a title for every admin page; both default to the page's menu entry.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Breadcrumb, Flex, theme, Typography } from "antd";
import { activeNavItem, navGroups } from "@/components/layout/nav-items";

interface PageContainerProps {
  title?: ReactNode;
  subtitle?: ReactNode;
  /** Actions on the right of the title (wrap under it on phones). */
  extra?: ReactNode;
  children: ReactNode;
}

export function PageContainer({ title, subtitle, extra, children }: PageContainerProps) {
  const { token } = theme.useToken();
  const pathname = usePathname();
  const current = activeNavItem(pathname);
  const heading = title ?? current?.label ?? "MagFlow";

  const crumbs = [
    { key: "home", title: pathname === "/" ? "Home" : <Link href="/">Home</Link> },
    ...(current?.group ? [{ key: `group:${current.group}`, title: navGroups[current.group].label }] : []),
    ...(current && current.href !== "/" ? [{ key: current.href, title: current.label }] : []),
  ];

  return (
    <Flex vertical gap={token.marginMD}>
      <Flex vertical gap={token.marginXXS}>
        <Breadcrumb items={crumbs} />
        <Flex align="center" justify="space-between" wrap gap={token.marginSM}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {heading}
            </Typography.Title>
            {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
          </div>
          {extra && (
            <Flex gap={token.marginXS} wrap>
              {extra}
            </Flex>
          )}
        </Flex>
      </Flex>
      {children}
    </Flex>
  );
}
