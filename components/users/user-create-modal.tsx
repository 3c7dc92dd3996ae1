"use client";
// Create a user: name, email, role and an initial password (at least 10 characters).
import { Alert, App, Button, Flex, Form, Input, Modal, Select, theme } from "antd";
import { roleOptionsWithHints } from "@/components/users/role-options";
import { useCreateUser } from "@/components/users/use-user-mutations";
import type { CreateUserBody } from "@/lib/ui/queries/users";
import { useFormApiError } from "@/lib/ui/use-form-api-error";

const FIELDS = ["name", "email", "role", "password"] as const;

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    // destroyOnHidden unmounts the form (and its useForm store), so every opening starts empty.
    <Modal open={open} title="New user" onCancel={onClose} footer={null} destroyOnHidden>
      <UserCreateForm onDone={onClose} />
    </Modal>
  );
}

function UserCreateForm({ onDone }: { onDone: () => void }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserBody>();
  const create = useCreateUser();
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);

  async function onFinish(values: CreateUserBody) {
    clear();
    try {
      const user = await create.mutateAsync({ ...values, name: values.name.trim(), email: values.email.trim() });
      message.success(`Created ${user.email}`);
      onDone();
    } catch (e) {
      handleError(e);
    }
  }

  return (
    <Form<CreateUserBody>
      form={form}
      name="user-create"
      layout="vertical"
      initialValues={{ role: "viewer" }}
      onFinish={onFinish}
      onValuesChange={clear}
      data-testid="user-create-form"
    >
      <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: "Enter a name" }, { max: 120 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label="Email"
        rules={[{ required: true, message: "Enter an email" }, { type: "email", message: "Enter a valid email address" }]}
      >
        <Input autoComplete="off" inputMode="email" />
      </Form.Item>
      <Form.Item name="role" label="Role" rules={[{ required: true, message: "Choose a role" }]}>
        <Select options={roleOptionsWithHints} />
      </Form.Item>
      <Form.Item
        name="password"
        label="Initial password"
        extra="At least 10 characters. Share it with the user over a safe channel."
        rules={[{ required: true, message: "Enter a password" }, { min: 10, message: "At least 10 characters" }, { max: 200 }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: token.marginMD }} data-testid="user-create-error" />}
      <Flex justify="end" gap={token.marginXS}>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="user-create-submit">
          Create user
        </Button>
      </Flex>
    </Form>
  );
}
