"use client";
// Set a new password for a user (admin reset).
import { Alert, App, Button, Form, Input, theme } from "antd";
import { useUpdateUser } from "@/components/users/use-user-mutations";
import { useFormApiError } from "@/lib/ui/use-form-api-error";

interface PasswordValues {
  password: string;
  confirm: string;
}

const FIELDS = ["password"] as const;

export function UserPasswordForm({ userId }: { userId: string }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const update = useUpdateUser(userId);
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);

  async function onFinish({ password }: PasswordValues) {
    clear();
    try {
      await update.mutateAsync({ password });
      message.success("Password changed");
      form.resetFields();
    } catch (e) {
      handleError(e);
    }
  }

  return (
    <Form<PasswordValues> form={form} name="user-password" layout="vertical" onFinish={onFinish} onValuesChange={clear} data-testid="user-password-form">
      <Form.Item
        name="password"
        label="New password"
        rules={[{ required: true, message: "Enter a new password" }, { min: 10, message: "At least 10 characters" }, { max: 200 }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="Repeat password"
        dependencies={["password"]}
        rules={[
          { required: true, message: "Repeat the password" },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue("password") === value ? Promise.resolve() : Promise.reject(new Error("The passwords do not match")),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: token.marginMD }} />}
      <Button htmlType="submit" loading={update.isPending}>
        Reset password
      </Button>
    </Form>
  );
}
