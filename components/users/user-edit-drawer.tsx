"use client";
// Everything about one user: profile, password reset and API tokens.
import { Divider, Drawer, Flex, Grid, Typography } from "antd";
import { RoleTag } from "@/components/common/role-tag";
import { useCurrentUser } from "@/components/layout/current-user";
import { UserPasswordForm } from "@/components/users/user-password-form";
import { UserProfileForm } from "@/components/users/user-profile-form";
import { UserTokens } from "@/components/users/user-tokens";
import type { AdminUser } from "@/lib/ui/queries/users";

export function UserEditDrawer({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;

  return (
    <Drawer
      open={!!user}
      onClose={onClose}
      size={isMobile ? "100%" : 560}
      destroyOnHidden
      title={
        user && (
          <Flex align="center" gap="small" wrap>
            <span>{user.name}</span>
            <RoleTag role={user.role} />
          </Flex>
        )
      }
      data-testid="user-edit-drawer"
    >
      {user && (
        <>
          <Typography.Paragraph type="secondary">{user.email}</Typography.Paragraph>
          {/* Keyed by id so switching users starts from that user's values. */}
          <UserProfileForm key={user.id} user={user} isSelf={user.id === me.id} />
          <Divider />
          <Typography.Title level={5}>Reset password</Typography.Title>
          <UserPasswordForm key={`pw-${user.id}`} userId={user.id} />
          <Divider />
          <UserTokens user={user} />
        </>
      )}
    </Drawer>
  );
}
