"use client";
// "Test connection" for one account and its outcome. Failures (e.g. 502 on bad credentials) are
// an expected answer here, so they are shown inline rather than as a notification. The check runs
// once when the page opens, so both accounts show their connection state without a click.
import { ApiOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, theme } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { describeError } from "@/lib/ui/error-message";
import { testConnection, type AccountKind } from "@/lib/ui/queries/emag-accounts";
import { formatCount } from "@/lib/ui/format";

const INLINE_STATUSES = [0, 400, 403, 404, 408, 422, 429, 500, 502, 503, 504];

export function TestConnection({ account }: { account: AccountKind }) {
  const { token } = theme.useToken();
  const mutation = useMutation({
    mutationFn: () => testConnection(account),
    meta: { inlineErrorStatuses: INLINE_STATUSES },
  });
  const checked = useRef(false);
  const { mutate } = mutation;
  useEffect(() => {
    if (checked.current) return; // once per mount, also under React's double-invoked dev effects
    checked.current = true;
    mutate();
  }, [mutate]);

  let result = null;
  if (mutation.isSuccess) {
    result = (
      <Alert
        type="success"
        showIcon
        title={mutation.data.message}
        description={`${formatCount(mutation.data.data.total_products)} products on the account`}
        data-testid={`test-connection-result-${account}`}
        data-outcome="success"
      />
    );
  } else if (mutation.isError) {
    const text = describeError(mutation.error);
    result = (
      <Alert
        type="error"
        showIcon
        title={text.title === "Server error" ? "Connection failed" : text.title}
        description={text.description}
        data-testid={`test-connection-result-${account}`}
        data-outcome="error"
      />
    );
  }

  return (
    <Flex vertical gap={token.marginSM}>
      <div>
        <Button icon={<ApiOutlined />} loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid={`test-connection-${account}`}>
          Test connection
        </Button>
      </div>
      <div aria-live="polite">{result}</div>
    </Flex>
  );
}
