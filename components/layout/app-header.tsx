"use client";
// Top bar: menu toggle (collapse on desktop, drawer on phones), demo badge, live socket state,
// notification bell, user menu.
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Button, Flex, Layout, theme } from "antd";
import { Brand } from "@/components/layout/brand";
import { DemoModeTag } from "@/components/layout/demo-mode-tag";
import { UserMenu } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SocketStateBadge } from "@/components/realtime/socket-state-badge";

interface AppHeaderProps {
  isMobile: boolean;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  onOpenDrawer: () => void;
}

export function AppHeader({ isMobile, collapsed, onToggleCollapsed, onOpenDrawer }: AppHeaderProps) {
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        position: "sticky",
        top: 0,
        zIndex: 10,
        background: token.colorBgContainer,
        borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        lineHeight: "normal",
      }}
    >
      <Flex align="center" justify="space-between" gap={token.marginSM} style={{ height: "100%" }}>
        <Flex align="center" gap={token.marginSM}>
          {/* Both toggles are rendered; CSS picks one before hydration so phones never flash the desktop one. */}
          <Button
            type="text"
            className="mf-only-mobile"
            icon={<MenuOutlined />}
            aria-label="Open menu"
            data-testid="menu-toggle"
            onClick={onOpenDrawer}
          />
          <Button
            type="text"
            className="mf-only-desktop"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? "Expand menu" : "Collapse menu"}
            data-testid="sider-toggle"
            onClick={onToggleCollapsed}
          />
          <span className="mf-only-mobile">
            <Brand compact />
          </span>
        </Flex>
        {/* Phones: tight gaps so demo tag, socket state, bell and avatar fit in 390 px. */}
        <Flex align="center" gap={isMobile ? token.marginXXS : token.marginMD} style={{ minWidth: 0 }}>
          <DemoModeTag />
          <SocketStateBadge />
          <NotificationBell compact={isMobile} />
          <UserMenu compact={isMobile} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
