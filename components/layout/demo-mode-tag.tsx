"use client";
// A warning that the data on screen comes from the eMAG simulator, not live accounts.
import { ExperimentOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useQuery } from "@tanstack/react-query";
import { systemQueries } from "@/lib/ui/queries/system";

export function DemoModeTag() {
  const { data } = useQuery(systemQueries.status());
  if (!data?.demoMode) return null;
  return (
    <Tooltip title="eMAG calls go to the built-in simulator; no live marketplace data is touched.">
      <Tag color="gold" icon={<ExperimentOutlined />} data-testid="demo-mode-tag" style={{ marginInlineEnd: 0 }}>
        Demo data
      </Tag>
    </Tooltip>
  );
}
