"use client";
// "Edit offer" in the product drawer: prices (ex VAT, with the VAT-inclusive price live), stock,
// handling time and status, sent to eMAG as a one-offer job. Local hints warn early; eMAG's rules
// as the server checks them (422) land on the fields. Viewers see the same values, read-only.
import { useRef, useState, type ReactNode } from "react";
import { App, Button, Col, Flex, Form, InputNumber, Row, Select, Typography, theme } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { offerStatusOptions } from "@/components/offers/labels";
import { OfferVerdict, type VerdictState } from "@/components/offers/offer-verdict";
import { vatRateOf, withVat } from "@/lib/offers/vat";
import { productKeys, type Product } from "@/lib/ui/queries/emag-products";
import { newIdempotencyKey, offerFields, offerKeys, offersApi, type OfferField, type OfferValues } from "@/lib/ui/queries/offers";
import { formatMoney, toNumber } from "@/lib/ui/format";
import { FORM_ERROR_STATUSES, useFormApiError } from "@/lib/ui/use-form-api-error";

type Values = Record<OfferField, number | null>;

const valuesOf = (p: Product): Values => ({
  sale_price: toNumber(p.sale_price),
  recommended_price: toNumber(p.recommended_price),
  min_sale_price: toNumber(p.min_sale_price),
  max_sale_price: toNumber(p.max_sale_price),
  stock: toNumber(p.general_stock),
  handling_time: p.handling_time ?? null,
  status: statusOf(p.status),
});

function statusOf(s: Product["status"]): number | null {
  if (s === "active") return 1;
  if (s === "inactive") return 0;
  return typeof s === "number" || /^\d+$/.test(String(s)) ? toNumber(s) : null;
}

/** One Idempotency-Key per distinct change: a double click or a retry reuses it. */
function useChangeKey() {
  const last = useRef<{ sig: string; key: string } | null>(null);
  return (body: OfferValues) => {
    const sig = JSON.stringify(body);
    if (last.current?.sig !== sig) last.current = { sig, key: newIdempotencyKey() };
    return last.current.key;
  };
}

function diff(initial: Values, next: Values): OfferValues {
  const out: OfferValues = {};
  for (const f of offerFields) if (next[f] !== null && next[f] !== undefined && next[f] !== initial[f]) out[f] = next[f];
  return out;
}

const price = (label: string) => ({ type: "number" as const, min: 0.0001, message: `${label} must be greater than 0` });
type Getter = (name: OfferField) => number | null | undefined;
/** A hint, not a gate: warningOnly, so eMAG's rules as the server applies them stay the authority. */
const hint = (check: (get: Getter, v: number) => string | null) => ({ getFieldValue }: { getFieldValue: Getter }) => ({
  warningOnly: true,
  validator: (_: unknown, v: number | null | undefined) => {
    const msg = v === null || v === undefined ? null : check(getFieldValue, v);
    return msg ? Promise.reject(new Error(msg)) : Promise.resolve();
  },
});

export function OfferEditForm({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial = valuesOf(product);
  const isFbe = product.account === "fbe";
  const rate = vatRateOf(product.vat_id);
  const sale = Form.useWatch("sale_price", form);
  const { formError, handleError, clear } = useFormApiError(form, offerFields);
  const [verdict, setVerdict] = useState<VerdictState | null>(null);
  const keyFor = useChangeKey();

  const save = useMutation({
    mutationFn: (body: OfferValues) => offersApi.change(product.id, body, keyFor(body)),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onMutate: () => setVerdict({ phase: "sending" }),
    onSuccess: (res) => {
      if (!res.item) setVerdict({ phase: "nothing", message: res.message ?? "Nothing to change" });
      else setVerdict({ phase: "answered", item: res.item, jobId: res.job?.id ?? res.item.job_id });
      void queryClient.invalidateQueries({ queryKey: productKeys.all });
      void queryClient.invalidateQueries({ queryKey: offerKeys.allChanges(product.id) });
    },
    onError: (e) => {
      setVerdict(null);
      handleError(e);
    },
  });

  const submit = (values: Values) => {
    clear();
    const body = diff(initial, { ...initial, ...values });
    if (!Object.keys(body).length) return void message.info("Nothing changed");
    save.mutate(body);
  };

  const money = (name: OfferField, label: string, extra?: ReactNode, rules: object[] = []) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} extra={extra} rules={[price(label), ...rules]}>
        <InputNumber style={{ width: "100%" }} min={0} step={0.01} precision={2} suffix={product.currency ?? undefined} data-testid={`offer-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Flex vertical gap={token.marginSM} data-testid="offer-edit">
      <Typography.Title level={5} style={{ margin: 0 }}>{canWrite ? "Edit offer" : "Offer values"}</Typography.Title>
      {!canWrite && <Typography.Text type="secondary">Your role can see these values; a manager or an admin can change them.</Typography.Text>}
      <Form<Values> key={JSON.stringify(initial)} form={form} layout="vertical" initialValues={initial} disabled={!canWrite || save.isPending} onFinish={submit} onValuesChange={clear}>
        <Row gutter={token.marginMD}>
          {money(
            "sale_price",
            "Sale price (ex VAT)",
            <span data-testid="offer-sale-price-vat">
              {rate === null ? "VAT rate unknown" : `${formatMoney(withVat(typeof sale === "number" ? sale : null, rate), product.currency)} incl. ${Math.round(rate * 100)} % VAT`}
            </span>,
            [
              hint((get, v) => { const min = get("min_sale_price"); return min != null && v < min ? "Below the minimum price: eMAG will refuse it" : null; }),
              hint((get, v) => { const max = get("max_sale_price"); return max != null && v > max ? "Above the maximum price: eMAG will refuse it" : null; }),
            ],
          )}
          {money("recommended_price", "Recommended (ex VAT)", "The “was” price; must be above the sale price", [
            hint((get, v) => { const s = get("sale_price"); return s != null && v <= s ? "Must be above the sale price" : null; }),
          ])}
          {money("min_sale_price", "Minimum price (ex VAT)")}
          {money("max_sale_price", "Maximum price (ex VAT)", undefined, [
            hint((get, v) => { const min = get("min_sale_price"); return min != null && v <= min ? "Must be above the minimum price" : null; }),
          ])}
          <Col xs={24} sm={8}>
            <Form.Item name="stock" label="Stock" extra={isFbe ? "FBE stock is held in eMAG's warehouses" : undefined} rules={[{ type: "number", min: 0, max: 65_535, message: "0 to 65535" }]}>
              <InputNumber style={{ width: "100%" }} precision={0} disabled={isFbe || !canWrite} data-testid="offer-stock" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="handling_time" label="Handling time (days)" extra={isFbe ? "Set by eMAG for FBE" : undefined} rules={[{ type: "number", min: 0, max: 255, message: "0 to 255 days" }]}>
              <InputNumber style={{ width: "100%" }} precision={0} disabled={isFbe || !canWrite} data-testid="offer-handling-time" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="status" label="Status">
              <Select options={offerStatusOptions} data-testid="offer-status" />
            </Form.Item>
          </Col>
        </Row>
        {formError && <Typography.Paragraph type="danger" data-testid="offer-form-error">{formError}</Typography.Paragraph>}
        {canWrite && (
          <Flex gap={token.marginXS} justify="end">
            <Button htmlType="button" onClick={() => { form.resetFields(); clear(); setVerdict(null); }} disabled={save.isPending}>Reset</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="offer-save">Send to eMAG</Button>
          </Flex>
        )}
      </Form>
      {verdict && <OfferVerdict state={verdict} productId={product.id} />}
    </Flex>
  );
}
