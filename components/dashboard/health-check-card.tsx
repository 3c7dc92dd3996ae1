"use client";
// One health check: title, status tag, a headline number and a few facts.
import type { ReactNode } from "react";
import { Card, Flex, Typography, theme } from "antd";
import { StatusTag } from "@/components/common/status-tag";

interface HealthCheckCardProps {
  title: string;
  icon: ReactNode;
  status?: string;
  headline?: ReactNode;
  message?: string;
  loading?: boolean;
  children?: ReactNode;
}

export function HealthCheckCard({ title, icon, status, headline, message, loading, children }: HealthCheckCardProps) {
  const { token } = theme.useToken();
  return (
    <Card
      size="small"
      loading={loading}
      title={
        <Flex align="center" gap={token.marginXS}>
          <span style={{ color: token.colorTextSecondary }}>{icon}</span>
          {title}
        </Flex>
      }
      extra={loading ? undefined : <StatusTag status={status} />}
      style={{ height: "100%" }}
      data-testid={`health-check-${title.toLowerCase()}`}
    >
      <Flex vertical gap={token.marginXXS}>
        {headline !== undefined && (
          <Typography.Text strong style={{ fontSize: token.fontSizeHeading4 }}>
            {headline}
          </Typography.Text>
        )}
        {children}
        {message && (
          <Typography.Text type={status === "healthy" ? "secondary" : "warning"} style={{ fontSize: token.fontSizeSM }}>
            {message}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
