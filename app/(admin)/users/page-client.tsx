"use client";
// Users: a server-paged table whose state lives in the URL, plus create/edit/token flows.
import { useState } from "react";
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { UserCreateModal } from "@/components/users/user-create-modal";
import { UserEditDrawer } from "@/components/users/user-edit-drawer";
import { UsersTable } from "@/components/users/users-table";
import { UsersToolbar } from "@/components/users/users-toolbar";
import { hasUserFilters, useUsersUrlState } from "@/components/users/use-users-url-state";
import { usersQueries, type AdminUser } from "@/lib/ui/queries/users";

export function UsersPageClient() {
  const { token } = theme.useToken();
  const { params, setParams, clearFilters } = useUsersUrlState();
  const list = useQuery(usersQueries.list(params));
  const [createOpen, setCreateOpen] = useState(false);
  const [selected, setSelected] = useState<AdminUser | null>(null);
  // Prefer the freshest copy from the list (tokens change after issue/revoke); fall back to the
  // snapshot if a refetch moved the user off this page.
  const editing = selected ? (list.data?.data.find((u) => u.id === selected.id) ?? selected) : null;

  return (
    <PageContainer
      subtitle="Who can sign in, their role, and their API tokens"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="user-create">
          New user
        </Button>
      }
    >
      <Card variant="borderless" styles={{ body: { padding: token.padding } }}>
        <UsersToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <UsersTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={hasUserFilters(params)}
            onParamsChange={setParams}
            onClearFilters={clearFilters}
            onEdit={setSelected}
          />
        )}
      </Card>
      <UserCreateModal open={createOpen} onClose={() => setCreateOpen(false)} />
      <UserEditDrawer user={editing} onClose={() => setSelected(null)} />
    </PageContainer>
  );
}
