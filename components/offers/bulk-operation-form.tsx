"use client";
// What a bulk change does: a new price (set, ± %, ± amount, rounded to .99/.90 of the VAT-inclusive
// price), a stock level, a status. Only the parts filled in are sent.
import { Form, InputNumber, Radio, Select, Typography, type FormInstance } from "antd";
import { offerStatusOptions } from "@/components/offers/labels";
import type { BulkOperation, PriceRound } from "@/lib/ui/queries/offers";

export type PriceMode = "keep" | "set" | "percent" | "amount";

export interface BulkFormValues {
  priceMode: PriceMode;
  priceValue?: number | null;
  round: PriceRound;
  stock?: number | null;
  status?: number | null;
}

export const bulkFormDefaults: BulkFormValues = { priceMode: "keep", round: "none" };

export function toOperation(v: BulkFormValues): BulkOperation | null {
  const op: BulkOperation = {};
  if (v.priceMode !== "keep" && typeof v.priceValue === "number") op.price = { mode: v.priceMode, value: v.priceValue, round: v.round };
  if (typeof v.stock === "number") op.stock = v.stock;
  if (typeof v.status === "number") op.status = v.status;
  return Object.keys(op).length ? op : null;
}

const valueHelp: Record<Exclude<PriceMode, "keep">, string> = {
  set: "The new sale price, ex VAT",
  percent: "e.g. 5 for +5 %, -10 for 10 % off",
  amount: "e.g. 5 to add 5, -2.5 to take 2.50 off (ex VAT)",
};

export function BulkOperationForm({ form, disabled, hasFbe }: { form: FormInstance<BulkFormValues>; disabled?: boolean; hasFbe?: boolean }) {
  const mode = Form.useWatch("priceMode", form) ?? "keep";
  return (
    <Form<BulkFormValues> form={form} layout="vertical" initialValues={bulkFormDefaults} disabled={disabled} data-testid="bulk-operation-form">
      <Form.Item name="priceMode" label="Price">
        <Select
          data-testid="bulk-price-mode"
          options={[
            { value: "keep", label: "Keep the price" },
            { value: "set", label: "Set a price" },
            { value: "percent", label: "Change by ± %" },
            { value: "amount", label: "Change by ± amount" },
          ]}
        />
      </Form.Item>
      {mode !== "keep" && (
        <>
          <Form.Item
            name="priceValue"
            label={mode === "set" ? "New price (ex VAT)" : mode === "percent" ? "Change (%)" : "Change (amount, ex VAT)"}
            extra={valueHelp[mode]}
            rules={[
              { required: true, message: "Enter a value" },
              ...(mode === "set" ? [{ type: "number" as const, min: 0.01, message: "The price must be greater than 0" }] : []),
              ...(mode === "percent" ? [{ type: "number" as const, min: -99, max: 1000, message: "Between -99 and 1000 %" }] : []),
            ]}
          >
            <InputNumber style={{ width: "100%" }} step={mode === "percent" ? 1 : 0.01} data-testid="bulk-price-value" />
          </Form.Item>
          <Form.Item name="round" label="Round the VAT-inclusive price" extra="What buyers see, rounded to the nearest .99 or .90">
            <Radio.Group
              optionType="button"
              data-testid="bulk-round"
              options={[
                { value: "none", label: "No rounding" },
                { value: "99", label: ".99" },
                { value: "90", label: ".90" },
              ]}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="stock"
        label="Set stock"
        extra={hasFbe ? "FBE stock is held by eMAG: FBE offers will be flagged and can be left out." : "Leave empty to keep each offer's stock"}
        rules={[{ type: "number", min: 0, max: 65_535, message: "A whole number from 0 to 65535" }]}
      >
        <InputNumber style={{ width: "100%" }} precision={0} placeholder="Keep" data-testid="bulk-stock" />
      </Form.Item>
      <Form.Item name="status" label="Set status">
        <Select allowClear placeholder="Keep" options={offerStatusOptions} data-testid="bulk-status" />
      </Form.Item>
      <Typography.Text type="secondary">Nothing is sent to eMAG until you preview and apply.</Typography.Text>
    </Form>
  );
}
