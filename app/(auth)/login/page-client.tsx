"use client";
// The sign-in card: email + password through next-auth's Credentials provider.
import { useState } from "react";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, theme, Typography } from "antd";
import { signIn } from "next-auth/react";
import { Brand } from "@/components/layout/brand";

interface LoginValues {
  email: string;
  password: string;
}

const GENERIC_ERROR = "Invalid email or password";

export function LoginPageClient({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const { token } = theme.useToken();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  async function onFinish(values: LoginValues) {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email: values.email.trim(), password: values.password, redirect: false });
      if (res && !res.error) {
        // A full navigation, so the server layout sees the new cookie and every client cache starts clean.
        window.location.assign(callbackUrl);
        return;
      }
      // Never say which of the two was wrong; only the lockout message is worth passing on.
      setError(res?.error?.includes("Too many") ? res.error : GENERIC_ERROR);
    } catch {
      setError("Could not reach the server. Please try again.");
    }
    setSubmitting(false);
  }

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: "100dvh", padding: token.padding, background: token.colorBgLayout }}
    >
      <Card variant="borderless" style={{ width: "100%", maxWidth: 400, boxShadow: token.boxShadowTertiary }}>
        <Flex vertical align="center" gap={token.marginXS} style={{ marginBottom: token.marginLG }}>
          <Brand size="large" />
          <Typography.Title level={4} style={{ margin: 0, marginTop: token.marginSM }}>
            Sign in
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: "center" }}>
            Back-office for your eMAG marketplace accounts
          </Typography.Text>
        </Flex>
        <Form<LoginValues>
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          size="large"
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
          data-testid="login-form"
        >
          <Form.Item
            name="email"
            label="Email"
            rules={[
              { required: true, message: "Enter your email" },
              { type: "email", message: "Enter a valid email address" },
            ]}
          >
            <Input prefix={<MailOutlined />} autoComplete="email" inputMode="email" autoFocus data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label="Password" rules={[{ required: true, message: "Enter your password" }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <Alert type="error" showIcon title={error} role="alert" data-testid="login-error" style={{ marginBottom: token.marginMD }} />
          )}
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            Sign in
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: token.marginLG, marginBottom: 0, textAlign: "center", fontSize: token.fontSizeSM }}>
          Accounts are created by your MagFlow administrator.
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
