"use client";
import { NoMatches, serverPagination, serverTableChange } from "@/components/common/server-table";
// The users table: server-side paging and sorting; minor columns fold away on small screens.
import { EditOutlined } from "@ant-design/icons";
import { Button, Empty, Grid, Table, Tag, Tooltip, Typography, type TableProps } from "antd";
import { RoleTag } from "@/components/common/role-tag";
import { PAGE_SIZES } from "@/components/users/use-users-url-state";
import type { Page } from "@/lib/ui/api-client";
import { formatDateTime, formatRelative } from "@/lib/ui/format";
import { tokenState, type AdminUser, type UserSortField, type UsersListParams } from "@/lib/ui/queries/users";

interface UsersTableProps {
  page: Page<AdminUser> | undefined;
  loading: boolean;
  params: UsersListParams;
  filtered: boolean;
  onParamsChange: (patch: Partial<UsersListParams>) => void;
  onClearFilters: () => void;
  onEdit: (user: AdminUser) => void;
}

const dateCell = (iso: string | null, never = "Never") =>
  iso ? (
    <Tooltip title={formatDateTime(iso)}>
      <span>{formatRelative(iso)}</span>
    </Tooltip>
  ) : (
    <Typography.Text type="secondary">{never}</Typography.Text>
  );

export function UsersTable({ page, loading, params, filtered, onParamsChange, onClearFilters, onEdit }: UsersTableProps) {
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const sortOrder = (field: UserSortField): "ascend" | "descend" | null => (params.sort === field ? (params.order === "asc" ? "ascend" : "descend") : null);
  const sortable = (field: UserSortField) => ({ key: field, sorter: true, sortOrder: sortOrder(field) });

  const columns: TableProps<AdminUser>["columns"] = [
    {
      title: "Name",
      dataIndex: "name",
      ...sortable("name"),
      render: (_: unknown, user) => (
        <div style={{ minWidth: 120 }}>
          <Typography.Text strong>{user.name}</Typography.Text>
          {/* The email column is hidden on phones; show it under the name instead. */}
          {isMobile && <Typography.Text type="secondary" style={{ display: "block" }}>{user.email}</Typography.Text>}
        </div>
      ),
    },
    { title: "Email", dataIndex: "email", ...sortable("email"), responsive: ["md"], ellipsis: true },
    { title: "Role", dataIndex: "role", ...sortable("role"), width: 110, render: (role: AdminUser["role"]) => <RoleTag role={role} /> },
    {
      title: "Status",
      dataIndex: "active",
      responsive: ["sm"],
      width: 100,
      render: (active: boolean) => (active ? <Tag color="success">Active</Tag> : <Tag>Inactive</Tag>),
    },
    {
      title: "API tokens",
      key: "tokens",
      responsive: ["lg"],
      width: 110,
      render: (_: unknown, user) => user.tokens.filter((t) => tokenState(t) === "active").length,
    },
    { title: "Last login", dataIndex: "lastLoginAt", ...sortable("lastLoginAt"), responsive: ["lg"], render: (v: string | null) => dateCell(v) },
    { title: "Created", dataIndex: "createdAt", ...sortable("createdAt"), responsive: ["xl"], render: (v: string) => dateCell(v) },
    {
      title: <span className="mf-visually-hidden">Actions</span>,
      key: "actions",
      fixed: "right",
      width: isMobile ? 56 : 96,
      render: (_: unknown, user) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(user)} aria-label={`Edit ${user.name}`} data-testid="user-edit">
          {isMobile ? null : "Edit"}
        </Button>
      ),
    },
  ];

  // Clearing a sort falls back to the API default (newest first).
  const onChange = serverTableChange<AdminUser, UserSortField>(params, { sort: "createdAt", order: "desc" }, onParamsChange);

  const empty = filtered ? (
    <NoMatches what="users" onClear={onClearFilters} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No users yet" />
  );

  return (
    <div data-testid="users-table">
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        onChange={onChange}
        size={isMobile ? "small" : "medium"}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={serverPagination(params, page?.total, { isMobile, pageSizes: PAGE_SIZES, noun: "users" })}
      />
    </div>
  );
}
