"use client";
// Who is signed in (name, role) and the way out.
import { DownOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Flex, theme, Typography, type MenuProps } from "antd";
import { signOut } from "next-auth/react";
import { RoleTag } from "@/components/common/role-tag";
import { useCurrentUser } from "@/components/layout/current-user";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : (parts[0]?.slice(0, 2) ?? "");
  return letters.toUpperCase() || "?";
}

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const user = useCurrentUser();
  const { token } = theme.useToken();

  const items: MenuProps["items"] = [
    {
      key: "who",
      disabled: true,
      icon: <UserOutlined />,
      label: (
        <Flex vertical style={{ color: token.colorText }}>
          <Typography.Text strong>{user.name}</Typography.Text>
          <Typography.Text type="secondary">{user.email}</Typography.Text>
          <span>
            <RoleTag role={user.role} />
          </span>
        </Flex>
      ),
    },
    { type: "divider" },
    { key: "sign-out", icon: <LogoutOutlined />, danger: true, label: "Sign out" },
  ];

  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "sign-out") void signOut({ callbackUrl: "/login" });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={`Account menu for ${user.name}`} style={{ height: "auto", paddingInline: token.paddingXS }}>
        <Flex align="center" gap={token.marginXS}>
          <Avatar size="small" style={{ background: token.colorPrimary, flex: "none" }}>
            {initials(user.name)}
          </Avatar>
          {!compact && (
            <>
              <Typography.Text ellipsis style={{ maxWidth: 160 }}>
                {user.name}
              </Typography.Text>
              <RoleTag role={user.role} />
            </>
          )}
          <DownOutlined style={{ fontSize: token.fontSizeSM, color: token.colorTextSecondary }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
