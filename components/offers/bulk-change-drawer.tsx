"use client";
// A bulk change of offers, in three steps: choose the change, preview old → new (violations
// highlighted, paged by the server), apply as a job and follow it live.
import { useState } from "react";
import { Alert, Button, Checkbox, Drawer, Flex, Form, Grid, Steps, Typography, theme } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import { BulkOperationForm, bulkFormDefaults, toOperation, type BulkFormValues } from "@/components/offers/bulk-operation-form";
import { OfferJobProgress } from "@/components/offers/offer-job-progress";
import { OfferPreviewTable } from "@/components/offers/offer-preview-table";
import { QueryError } from "@/components/common/query-error";
import { useIdempotencyKey } from "@/components/offers/use-idempotency-key";
import { ApiErrorDetails } from "@/components/offers/api-error-details";
import { offerQueries, offersApi, type BulkBody, type BulkSelection, type PreviewParams } from "@/lib/ui/queries/offers";

interface BulkChangeDrawerProps {
  open: boolean;
  selection: BulkSelection | null;
  /** e.g. "3 selected offers" or "all 1,204 offers that match the filters". */
  selectionLabel: string;
  onClose: () => void;
}

type Step = "edit" | "preview" | "run";
const firstPreview: PreviewParams = { page: 1, pageSize: 10, only: "all" };

export function BulkChangeDrawer({ open, selection, selectionLabel, onClose }: BulkChangeDrawerProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<BulkFormValues>();
  const [step, setStep] = useState<Step>("edit");
  const [body, setBody] = useState<BulkBody | null>(null);
  const [params, setParams] = useState<PreviewParams>(firstPreview);
  const [excludeInvalid, setExcludeInvalid] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const preview = useQuery({ ...offerQueries.bulkPreview(body ?? { selection: { ids: [] }, operation: {} }, params), enabled: !!body && step !== "edit" });
  const key = useIdempotencyKey(body ? { body, excludeInvalid } : null);
  const apply = useMutation({
    mutationFn: () => offersApi.bulkApply({ ...body!, exclude_invalid: excludeInvalid }, key),
    meta: { inlineErrorStatuses: [400, 404, 409, 422] },
    onSuccess: (res) => {
      setJobId(res.job.id);
      setStep("run");
    },
  });

  const reset = () => {
    setStep("edit");
    setBody(null);
    setParams(firstPreview);
    setExcludeInvalid(false);
    setJobId(null);
    apply.reset();
    form.resetFields();
  };
  const close = () => {
    onClose();
    reset();
  };

  const toPreview = async () => {
    const values = await form.validateFields();
    const operation = toOperation({ ...bulkFormDefaults, ...values });
    if (!operation || !selection) {
      setFormError("Choose at least one change: a price, a stock level or a status.");
      return;
    }
    setFormError(null);
    apply.reset();
    setBody({ selection, operation });
    setParams(firstPreview);
    setStep("preview");
  };

  const summary = preview.data?.summary;
  const blocked = !!summary && summary.invalid > 0 && !excludeInvalid;
  const nothing = !!summary && summary.changed === 0;

  const footer =
    step === "edit" ? (
      <Flex justify="end" gap={token.marginXS}>
        <Button onClick={close}>Cancel</Button>
        <Button type="primary" onClick={() => void toPreview()} data-testid="bulk-preview">Preview</Button>
      </Flex>
    ) : step === "preview" ? (
      <Flex vertical gap={token.marginXS}>
        {summary && summary.invalid > 0 && (
          <Checkbox checked={excludeInvalid} onChange={(e) => setExcludeInvalid(e.target.checked)} data-testid="bulk-exclude-invalid">
            Leave out the {summary.invalid} invalid offer(s)
          </Checkbox>
        )}
        <Flex justify="end" gap={token.marginXS} wrap>
          <Button onClick={() => setStep("edit")} disabled={apply.isPending}>Back</Button>
          <Button type="primary" loading={apply.isPending} disabled={!summary || blocked || nothing} onClick={() => apply.mutate()} data-testid="bulk-apply">
            Apply to {summary ? summary.changed : "…"} offer(s)
          </Button>
        </Flex>
      </Flex>
    ) : (
      <Flex justify="end" gap={token.marginXS}>
        <Button onClick={reset}>New change</Button>
        <Button type="primary" onClick={close}>Close</Button>
      </Flex>
    );

  return (
    <Drawer open={open} onClose={close} size={isMobile ? "100%" : 860} title="Bulk change" footer={footer} destroyOnHidden data-testid="bulk-drawer">
      <Flex vertical gap={token.marginMD}>
        <Steps
          size="small"
          responsive={false}
          titlePlacement={isMobile ? "vertical" : "horizontal"}
          current={step === "edit" ? 0 : step === "preview" ? 1 : 2}
          items={[{ title: "Change" }, { title: "Preview" }, { title: "Apply" }]}
        />
        <Typography.Text>
          Applies to <Typography.Text strong data-testid="bulk-selection-label">{selectionLabel}</Typography.Text>.
        </Typography.Text>
        {step === "edit" && (
          <>
            {formError && <Alert type="error" showIcon title={formError} />}
            <BulkOperationForm form={form} />
          </>
        )}
        {step === "preview" &&
          (preview.isError && !preview.data ? (
            <QueryError compact error={preview.error} title="Could not preview this change" onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
          ) : (
            <>
              <OfferPreviewTable page={preview.data} loading={preview.isFetching} params={params} onParamsChange={setParams} />
              {nothing && <Alert type="info" showIcon title="Nothing would change" description="Every offer already has these values, or breaks a rule. Go back and adjust the change." />}
              {apply.isError && <ApiErrorDetails error={apply.error} title="eMAG's rules refuse this change" />}
            </>
          ))}
        {step === "run" && jobId && <OfferJobProgress jobId={jobId} />}
      </Flex>
    </Drawer>
  );
}
