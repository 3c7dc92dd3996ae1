"use client";
// The admin frame: sider menu (collapsible on desktop, a drawer on phones), header and content.
// It also owns the realtime socket, so the login page never opens one.
import { useState, type ReactNode } from "react";
import { Drawer, Grid, Layout, theme } from "antd";
import { Brand } from "@/components/layout/brand";
import { AppHeader } from "@/components/layout/app-header";
import { CurrentUserProvider, type ShellUser } from "@/components/layout/current-user";
import { SideNav } from "@/components/layout/side-nav";
import { NewOrderToasts } from "@/components/orders/new-order-toasts";
import { SocketProvider } from "@/components/providers/socket-provider";
import { layoutSizes } from "@/components/providers/theme";

export function AdminShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Until the first measurement `md` is undefined: render the desktop frame (CSS hides it on phones).
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <CurrentUserProvider user={user}>
      <SocketProvider>
        <NewOrderToasts />
        <Layout style={{ minHeight: "100vh" }} data-testid="app-shell">
          {!isMobile && (
            <Layout.Sider
              className="mf-only-desktop"
              collapsible
              collapsed={collapsed}
              trigger={null}
              width={layoutSizes.siderWidth}
              collapsedWidth={layoutSizes.siderCollapsedWidth}
            >
              {/* The Sider itself stretches with the page so its dark background always reaches the
                  bottom (a 100vh sticky Sider left the rest of a tall page bare); only its contents
                  stick to the viewport and scroll on their own when the menu is taller than the screen. */}
              <div style={{ position: "sticky", top: 0, maxHeight: "100vh", overflowY: "auto" }}>
                <div style={{ padding: token.padding, paddingInline: collapsed ? token.paddingSM : token.padding }}>
                  <Brand compact={collapsed} inverted />
                </div>
                <SideNav />
              </div>
            </Layout.Sider>
          )}
          {isMobile && (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={layoutSizes.drawerWidth}
              title={<Brand />}
              styles={{ body: { padding: 0 } }}
              data-testid="nav-drawer"
            >
              <SideNav theme="light" onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          )}
          <Layout>
            <AppHeader
              isMobile={isMobile}
              collapsed={collapsed}
              onToggleCollapsed={() => setCollapsed((c) => !c)}
              onOpenDrawer={() => setDrawerOpen(true)}
            />
            <Layout.Content style={{ padding: isMobile ? token.paddingSM : token.paddingLG, minWidth: 0 }}>
              {children}
            </Layout.Content>
          </Layout>
        </Layout>
      </SocketProvider>
    </CurrentUserProvider>
  );
}
