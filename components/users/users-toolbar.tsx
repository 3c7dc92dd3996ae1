"use client";
// Search and filters above the users table. Every change lands in the URL (and back on page 1).
import { Flex, Input, Select, theme } from "antd";
import { FilterSelect } from "@/components/common/filter-select";
import { roleOptions } from "@/components/users/role-options";
import type { Role } from "@/lib/auth/permissions";
import type { UsersListParams } from "@/lib/ui/queries/users";

interface UsersToolbarProps {
  params: UsersListParams;
  onChange: (patch: Partial<UsersListParams>) => void;
}

const statusOptions = [
  { value: "true", label: "Active" },
  { value: "false", label: "Inactive" },
];

export function UsersToolbar({ params, onChange }: UsersToolbarProps) {
  const { token } = theme.useToken();
  return (
    <Flex wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
      <Input.Search
        // Re-mount when the URL changes from elsewhere (e.g. "Clear filters") so the box shows it.
        key={params.search ?? ""}
        defaultValue={params.search}
        placeholder="Search name or email"
        allowClear
        enterButton
        onSearch={(value) => onChange({ search: value.trim() || undefined })}
        style={{ flex: "1 1 240px", maxWidth: 420 }}
        aria-label="Search users"
        data-testid="users-search"
      />
      <FilterSelect<Role> label="role" placeholder="All roles" value={params.role} options={roleOptions}
        onChange={(role) => onChange({ role })} style={{ flex: "1 1 140px", maxWidth: 180 }} testId="users-role-filter" />
      <Select<string>
        allowClear
        placeholder="Any status"
        value={params.active === undefined ? undefined : String(params.active)}
        options={statusOptions}
        onChange={(v) => onChange({ active: v === undefined ? undefined : v === "true" })}
        style={{ flex: "1 1 140px", maxWidth: 180 }}
        aria-label="Filter by status"
        data-testid="users-active-filter"
      />
    </Flex>
  );
}
