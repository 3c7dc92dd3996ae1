import { Card, Skeleton } from "antd";

// Shown inside the shell while a page's server component resolves.
export default function AdminLoading() {
  return (
    <Card variant="borderless">
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}
