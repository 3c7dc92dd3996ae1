"use client";
// The error state of a data widget: what failed and a retry button. `compact` fits inside a card.
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Result } from "antd";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError } from "@/lib/ui/error-message";

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  title?: string;
}

export function QueryError({ error, onRetry, retrying, compact = false, title }: QueryErrorProps) {
  const text = describeError(error);
  const retry = onRetry ? (
    <Button icon={<ReloadOutlined />} onClick={onRetry} loading={retrying} size={compact ? "small" : "medium"}>
      Retry
    </Button>
  ) : undefined;

  if (compact) {
    return <Alert type="error" showIcon title={title ?? text.title} description={text.description} action={retry} />;
  }
  const forbidden = isApiClientError(error) && error.status === 403;
  return (
    <Result
      status={forbidden ? "403" : "error"}
      title={title ?? text.title}
      subTitle={text.description}
      extra={retry}
    />
  );
}
