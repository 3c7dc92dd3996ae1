"use client";
// Create or edit a rule. Checks what it can before sending (name, floor <= ceiling, step > 0); the
// server's 422 lands on the field it names (scope.* errors on the scope's own inputs).
import { Alert, App, Button, Col, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Row, Select, Switch, Typography } from "antd";
import { useEffect, useState } from "react";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError } from "@/lib/ui/error-message";
import type { CreateRuleInput, RuleJson } from "@/lib/ui/queries/repricer";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";
import { STRATEGY_HELP, STRATEGY_LABELS } from "./labels";
import { useSaveRule } from "./use-repricer-mutations";

interface Values {
  name: string;
  account: "main" | "fbe";
  strategy: "buy_button" | "smart_deals";
  step: number;
  floor: number | null;
  ceiling: number | null;
  priority: number;
  enabled: boolean;
  offer_ids: string[];
  brand: string;
  category_id: number | null;
  search: string;
}
const FIELDS = ["name", "account", "strategy", "step", "floor", "ceiling", "priority", "enabled", "offer_ids", "brand", "category_id", "search"];

const initial = (r: RuleJson | null): Values => ({
  name: r?.name ?? "", account: r?.account ?? "main", strategy: r?.strategy ?? "buy_button", step: r?.step ?? 0.01, floor: r?.floor ?? null,
  ceiling: r?.ceiling ?? null, priority: r?.priority ?? 100, enabled: r?.enabled ?? true, offer_ids: r?.scope.offer_ids ?? [],
  brand: r?.scope.brand ?? "", category_id: r?.scope.category_id ?? null, search: r?.scope.search ?? "",
});

function toBody(v: Values): CreateRuleInput {
  const scope = {
    ...(v.offer_ids.length ? { offer_ids: v.offer_ids.map((s) => s.trim()).filter(Boolean) } : {}),
    ...(v.brand.trim() ? { brand: v.brand.trim() } : {}),
    ...(v.category_id ? { category_id: v.category_id } : {}),
    ...(v.search.trim() ? { search: v.search.trim() } : {}),
  };
  return { name: v.name.trim(), account: v.account, strategy: v.strategy, step: v.step, floor: v.floor ?? null, ceiling: v.ceiling ?? null, priority: v.priority, enabled: v.enabled, scope };
}

export function RuleDrawer({ open, rule, onClose }: { open: boolean; rule: RuleJson | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const save = useSaveRule(rule?.id ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const strategy = Form.useWatch("strategy", form);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(initial(rule));
      setFormError(null);
    }
  }, [open, rule, form]);

  const onError = (err: unknown) => {
    if (isApiClientError(err) && FORM_ERROR_STATUSES.includes(err.status)) {
      const named = err.fieldErrors
        .map((d) => ({ name: d.field.replace(/^scope\./, "").replace(/\.\d+$/, ""), errors: [d.message ?? err.message] }))
        .filter((f) => FIELDS.includes(f.name));
      if (named.length) return form.setFields(named.map((f) => ({ ...f, name: f.name as keyof Values })));
    }
    setFormError(describeError(err).description);
  };

  const submit = (v: Values) =>
    save.mutate(toBody(v), {
      onSuccess: (r) => {
        void message.success(rule ? `Rule “${r.name}” saved` : `Rule “${r.name}” created`);
        onClose();
      },
      onError,
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isMobile ? "100%" : 520}
      destroyOnHidden
      title={rule ? `Edit “${rule.name}”` : "New repricer rule"}
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-save">
            {rule ? "Save" : "Create"}
          </Button>
        </Flex>
      }
      data-testid="repricer-rule-drawer"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={initial(rule)}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: "Name is required" }, { max: 120 }]}>
          <Input maxLength={120} data-testid="rule-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} sm={9}>
            <Form.Item name="account" label="Account" rules={[{ required: true }]}>
              <Select options={[{ value: "main", label: "MAIN" }, { value: "fbe", label: "FBE" }]} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={9}>
            <Form.Item name="priority" label="Priority" tooltip="When several rules cover an offer, the lowest number wins" rules={[{ required: true, type: "integer", min: 0, max: 100000 }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            {/* A switch always has a value: no "(optional)" mark. */}
            <Form.Item name="enabled" label="Enabled" valuePropName="checked" required tooltip="Enabled rules run every hour and after each product sync">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="strategy" label="Strategy" extra={strategy ? STRATEGY_HELP[strategy] : undefined} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={(["buy_button", "smart_deals"] as const).map((s) => ({ value: s, label: STRATEGY_LABELS[s] }))} />
        </Form.Item>
        <Row gutter={16}>
          {/* Hidden, not removed, for Smart Deals: the field keeps its value for the request. */}
          <Col xs={24} sm={8} style={strategy === "smart_deals" ? { display: "none" } : undefined}>
            <Form.Item name="step" label="Step" tooltip="How far below the best offer to go (ex VAT)" rules={[{ required: true, type: "number", min: 0.0001, message: "Step must be greater than 0" }]}>
              <InputNumber min={0.0001} step={0.01} precision={4} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="floor" label="Floor" tooltip="The lowest price to go to (ex VAT); empty: eMAG's min_sale_price" dependencies={["ceiling"]}
              rules={[({ getFieldValue }) => ({ validator: (_, v: number | null) => { const c = getFieldValue("ceiling") as number | null; return v != null && c != null && v > c ? Promise.reject(new Error("Floor must be at most the ceiling")) : Promise.resolve(); } })]}>
              <InputNumber min={0.0001} precision={4} placeholder="eMAG min" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="ceiling" label="Ceiling" tooltip="The highest price to go to (ex VAT); empty: eMAG's max_sale_price">
              <InputNumber min={0.0001} precision={4} placeholder="eMAG max" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">
          Prices are ex VAT. They always stay within the floor and ceiling and within eMAG’s min/max sale price of each offer. Without a floor, eMAG’s min_sale_price is the limit.
        </Typography.Paragraph>
        <Typography.Title level={5}>Offers covered</Typography.Title>
        <Typography.Paragraph type="secondary">The account’s live offers matching every condition below (none: all of them).</Typography.Paragraph>
        <Form.Item name="offer_ids" label="eMAG offer ids" extra="Type an id and press Enter (or paste several, separated by commas or spaces)">
          <Select mode="tags" tokenSeparators={[",", " "]} placeholder="e.g. 398, 1022" open={false} suffixIcon={null} data-testid="rule-offer-ids" />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item name="brand" label="Brand" style={{ flex: 1, minWidth: 140 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category_id" label="Category id">
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item name="search" label="Name or part number contains">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
