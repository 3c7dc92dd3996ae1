"use client";
// Adds a recipient: an address (or a MagFlow user, whose address it fills in) and the kinds it gets.
// Field errors from the API land on the fields; adding an existing address sets its kinds.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Flex, Form, Input, Select } from "antd";
import { useState } from "react";
import { usersQueries } from "@/lib/ui/queries/users";
import { useFormApiError } from "@/lib/ui/use-form-api-error";
import { useAddSubscription } from "./use-subscription-mutations";

type Values = { email: string; user_id?: string; daily: boolean; weekly: boolean };
const FIELDS = ["email", "user_id", "daily", "weekly"] as const;

export function SubscriptionForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState("");
  const users = useQuery(usersQueries.list({ page: 1, pageSize: 20, search: search || undefined, active: true, sort: "email", order: "asc" }));
  const add = useAddSubscription();
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);

  const submit = (v: Values) => {
    clear();
    add.mutate(
      { email: v.email, user_id: v.user_id ?? null, daily: v.daily, weekly: v.weekly },
      {
        onSuccess: (s) => {
          void message.success(`${s.email} gets ${[s.daily && "daily", s.weekly && "weekly"].filter(Boolean).join(" and ") || "no"} reports`);
          form.resetFields();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ daily: true, weekly: false }} onFinish={submit} data-testid="subscription-form" requiredMark={false}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Flex gap="small" wrap align="end">
        <Form.Item name="user_id" label="MagFlow user (optional)" style={{ flex: "1 1 200px", marginBottom: 8 }}>
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="Pick a user"
            loading={users.isFetching}
            options={users.data?.data.map((u) => ({ value: u.id, label: `${u.name} (${u.email})`, email: u.email }))}
            onChange={(_, opt) => {
              const email = (opt as { email?: string } | undefined)?.email;
              if (email && !form.getFieldValue("email")) form.setFieldValue("email", email);
            }}
          />
        </Form.Item>
        <Form.Item name="email" label="E-mail" rules={[{ required: true, message: "Enter an e-mail address" }, { type: "email", message: "Enter a valid e-mail address" }]} style={{ flex: "1 1 220px", marginBottom: 8 }}>
          <Input inputMode="email" placeholder="name@company.ro" autoComplete="off" data-testid="subscription-email" />
        </Form.Item>
        <Form.Item name="daily" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="subscription-daily">Daily</Checkbox>
        </Form.Item>
        <Form.Item name="weekly" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="subscription-weekly">Weekly</Checkbox>
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="subscription-add">
            Add
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}
