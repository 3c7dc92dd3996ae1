import { Button, Result } from "antd";

// Also what a role without permission sees for a page (the page calls notFound()).
export default function AdminNotFound() {
  return (
    <Result
      status="404"
      title="Page not found"
      subTitle="This page does not exist, or your role cannot open it."
      extra={
        <Button type="primary" href="/">
          Back to the dashboard
        </Button>
      }
    />
  );
}
