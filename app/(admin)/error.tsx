"use client";
// Render errors of an admin page, kept inside the shell so the menu stays usable.
import { Button, Result } from "antd";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Result
      status="error"
      title="This page could not be shown"
      subTitle={error.digest ? `Something went wrong (reference ${error.digest}).` : "Something went wrong."}
      extra={
        <Button type="primary" onClick={reset}>
          Try again
        </Button>
      }
    />
  );
}
