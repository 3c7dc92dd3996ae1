"use client";
// One label/value line inside a dashboard card.
import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Flex justify="space-between" align="baseline" gap="small" wrap>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text style={{ textAlign: "end" }}>{children}</Typography.Text>
    </Flex>
  );
}
