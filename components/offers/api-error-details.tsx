"use client";
// An API refusal shown inline, with its details (field or row, message) listed.
import { Alert, Typography } from "antd";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError } from "@/lib/ui/error-message";

type Detail = { field?: string; row?: number; message?: string; offer?: string };

export function ApiErrorDetails({ error, title }: { error: unknown; title?: string }) {
  const text = describeError(error);
  const details = (isApiClientError(error) && Array.isArray(error.details) ? (error.details as Detail[]) : []).slice(0, 20);
  return (
    <Alert
      type="error"
      showIcon
      title={isApiClientError(error) && error.status === 422 && title ? title : text.title}
      data-testid="api-error-details"
      description={
        details.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((d, i) => (
              <li key={i}>
                <Typography.Text>
                  {d.row !== undefined ? `Row ${d.row}: ` : ""}
                  {d.field ? `${d.field}: ` : ""}
                  {d.message}
                  {d.offer ? ` (offer ${d.offer})` : ""}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          text.description
        )
      }
    />
  );
}
