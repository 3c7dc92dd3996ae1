"use client";
// Whether an account talks to the live eMAG API or to the built-in simulator.
import { CloudServerOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Tag } from "antd";

export function AccountModeTag({ mode }: { mode: "live" | "demo" | string }) {
  return mode === "live" ? (
    <Tag color="green" icon={<CloudServerOutlined />} data-mode="live">
      Live
    </Tag>
  ) : (
    <Tag color="gold" icon={<ExperimentOutlined />} data-mode="demo">
      Demo data
    </Tag>
  );
}
