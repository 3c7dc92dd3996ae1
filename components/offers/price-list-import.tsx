"use client";
// "Import price list": upload a CSV/XLSX, preview it (row errors, old → new per offer), then apply
// it as a job and follow it live. Apply stays disabled while the file has errors or invalid rows,
// unless "exclude invalid rows" is ticked.
import { useState } from "react";
import { InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Grid, Modal, Skeleton, Table, Typography, Upload, theme } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ApiErrorDetails } from "@/components/offers/api-error-details";
import { OfferJobProgress } from "@/components/offers/offer-job-progress";
import { OfferPreviewTable } from "@/components/offers/offer-preview-table";
import { fieldLabel } from "@/components/offers/labels";
import { isApiClientError } from "@/lib/ui/api-client";
import { newIdempotencyKey, offerKeys, offersApi, type PreviewParams, type RowError } from "@/lib/ui/queries/offers";
import { formatBytes } from "@/lib/ui/format";

const firstPreview: PreviewParams = { page: 1, pageSize: 10, only: "all" };
const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function RowErrors({ errors }: { errors: RowError[] }) {
  return (
    <Table<RowError & { key: number }>
      size="small"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={errors.length > 10 ? { pageSize: 10, size: "small", simple: true } : false}
      scroll={{ x: "max-content" }}
      columns={[
        { title: "Row", dataIndex: "row", width: 64 },
        { title: "Field", dataIndex: "field", render: (f: string) => fieldLabel(f) },
        { title: "Problem", dataIndex: "message" },
      ]}
      data-testid="import-row-errors"
    />
  );
}

export function PriceListImport() {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileId, setFileId] = useState(0);
  const [params, setParams] = useState<PreviewParams>(firstPreview);
  const [excludeInvalid, setExcludeInvalid] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);

  const preview = useQuery({
    // The file is identified by a counter: a File is not a useful query key.
    queryKey: [...offerKeys.all, "import-preview", fileId, params],
    queryFn: () => offersApi.importPreview(file!, params),
    enabled: !!file && !jobId,
    staleTime: Infinity,
    meta: { inlineErrorStatuses: [400, 413, 415, 422] },
  });
  const apply = useMutation({
    mutationFn: () => offersApi.importApply(file!, excludeInvalid, key),
    meta: { inlineErrorStatuses: [400, 409, 413, 415, 422] },
    onSuccess: (res) => setJobId(res.job.id),
  });

  const reset = () => {
    setFile(null);
    setParams(firstPreview);
    setExcludeInvalid(false);
    setJobId(null);
    setKey(newIdempotencyKey());
    apply.reset();
  };
  const close = () => {
    setOpen(false);
    reset();
  };

  const p = preview.data;
  const problems = (p?.errors.length ?? 0) + (p?.summary.invalid ?? 0);
  const applyRefusal = apply.error && isApiClientError(apply.error) && Array.isArray(apply.error.details) ? (apply.error.details as RowError[]).filter((d) => typeof d.row === "number") : [];
  const canApply = !!p && p.summary.changed > 0 && (problems === 0 || excludeInvalid);

  const footer = jobId ? (
    <Flex justify="end" gap={token.marginXS}>
      <Button onClick={reset}>Import another file</Button>
      <Button type="primary" onClick={close}>Close</Button>
    </Flex>
  ) : (
    <Flex vertical gap={token.marginXS} align="stretch">
      {p && problems > 0 && (
        <Checkbox
          checked={excludeInvalid}
          onChange={(e) => {
            setExcludeInvalid(e.target.checked);
            setKey(newIdempotencyKey());
          }}
          data-testid="import-exclude-invalid"
        >
          Exclude invalid rows
        </Checkbox>
      )}
      <Flex justify="end" gap={token.marginXS} wrap>
        <Button onClick={close}>Cancel</Button>
        <Button type="primary" disabled={!canApply} loading={apply.isPending} onClick={() => apply.mutate()} data-testid="import-apply">
          Apply{p ? ` to ${p.summary.changed} offer(s)` : ""}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="price-list-import">
        Import price list
      </Button>
      <Modal open={open} onCancel={close} title="Import price list" width={isMobile ? "100%" : 900} footer={footer} destroyOnHidden data-testid="import-modal">
        <Flex vertical gap={token.marginMD}>
          {!file ? (
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                setFileId((n) => n + 1);
                setParams(firstPreview);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">Click or drop a CSV or XLSX price list</p>
              <p className="ant-upload-hint">Columns as in “Export price list”: account, offer id or part number, then the values to change. Nothing is sent before you apply.</p>
            </Upload.Dragger>
          ) : (
            <Flex wrap gap={token.marginSM} align="center">
              <Typography.Text strong>{file.name}</Typography.Text>
              <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
              {!jobId && <Button size="small" onClick={reset}>Choose another file</Button>}
            </Flex>
          )}
          {jobId ? (
            <OfferJobProgress jobId={jobId} />
          ) : file && preview.isError && !p ? (
            <ApiErrorDetails error={preview.error} title="The file cannot be read" />
          ) : file && !p && preview.isFetching ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : p ? (
            <>
              {p.errors.length > 0 && (
                <Flex vertical gap={token.marginXS}>
                  <Alert type="error" showIcon title={`${p.errors.length} problem(s) in the file`} description="Fix these rows and upload again, or exclude them." />
                  <RowErrors errors={p.errors} />
                </Flex>
              )}
              <OfferPreviewTable page={p} loading={preview.isFetching} params={params} onParamsChange={setParams} seqTitle="Row" />
              {applyRefusal.length > 0 ? (
                <Flex vertical gap={token.marginXS}>
                  <Alert type="error" showIcon title="eMAG's rules refuse some rows" />
                  <RowErrors errors={applyRefusal} />
                </Flex>
              ) : (
                apply.isError && <ApiErrorDetails error={apply.error} title="The import was refused" />
              )}
            </>
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
