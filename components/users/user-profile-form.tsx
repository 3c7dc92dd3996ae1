"use client";
// Edit name, role and active state. Only changed fields are sent; the API's 409s (own admin
// access, last admin) are shown inline.
import { useState } from "react";
import { Alert, App, Button, Form, Input, Select, Switch, theme } from "antd";
import { roleOptionsWithHints } from "@/components/users/role-options";
import { useUpdateUser } from "@/components/users/use-user-mutations";
import type { Role } from "@/lib/auth/permissions";
import type { AdminUser, UpdateUserBody } from "@/lib/ui/queries/users";
import { useFormApiError } from "@/lib/ui/use-form-api-error";

interface ProfileValues {
  name: string;
  role: Role;
  active: boolean;
}

const FIELDS = ["name", "role", "active"] as const;

export function UserProfileForm({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateUser(user.id);
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);
  const [dirty, setDirty] = useState(false);

  async function onFinish(values: ProfileValues) {
    const patch: UpdateUserBody = {};
    if (values.name.trim() !== user.name) patch.name = values.name.trim();
    if (values.role !== user.role) patch.role = values.role;
    if (values.active !== user.active) patch.active = values.active;
    if (Object.keys(patch).length === 0) return;
    clear();
    try {
      await update.mutateAsync(patch);
      message.success("Changes saved");
      setDirty(false);
    } catch (e) {
      handleError(e);
    }
  }

  return (
    <Form<ProfileValues>
      form={form}
      name="user-profile"
      layout="vertical"
      initialValues={{ name: user.name, role: user.role, active: user.active }}
      onFinish={onFinish}
      onValuesChange={() => {
        setDirty(true);
        clear();
      }}
      data-testid="user-profile-form"
    >
      {isSelf && (
        <Alert
          type="info"
          showIcon
          title="This is your own account"
          description="You cannot remove your own admin role or deactivate yourself."
          style={{ marginBottom: token.marginMD }}
        />
      )}
      <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: "Enter a name" }, { max: 120 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label="Role" rules={[{ required: true }]}>
        <Select options={roleOptionsWithHints} disabled={isSelf} />
      </Form.Item>
      <Form.Item name="active" label="Active" valuePropName="checked" extra="Inactive users cannot sign in and their API tokens stop working.">
        <Switch disabled={isSelf} checkedChildren="Active" unCheckedChildren="Inactive" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: token.marginMD }} data-testid="user-profile-error" />}
      <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!dirty}>
        Save changes
      </Button>
    </Form>
  );
}
