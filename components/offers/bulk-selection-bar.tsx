"use client";
// Above the products table: how many offers are selected and the "Bulk change" action, for the
// selected offers or for every offer that matches the current filters.
import { DownOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Dropdown, Flex, Typography, theme } from "antd";
import { formatCount } from "@/lib/ui/format";

interface BulkSelectionBarProps {
  selected: number;
  matching: number | undefined;
  filtered: boolean;
  onBulkSelected: () => void;
  onBulkMatching: () => void;
  onClear: () => void;
}

export function BulkSelectionBar({ selected, matching, filtered, onBulkSelected, onBulkMatching, onClear }: BulkSelectionBarProps) {
  const { token } = theme.useToken();
  const all = `All ${matching === undefined ? "" : `${formatCount(matching)} `}offers ${filtered ? "that match the filters" : "(no filter)"}`;
  return (
    <Flex wrap align="center" gap={token.marginSM} style={{ marginBottom: token.marginSM }} data-testid="bulk-bar">
      <Typography.Text type={selected ? undefined : "secondary"} data-testid="bulk-selected-count" data-count={selected}>
        {selected ? `${formatCount(selected)} selected` : "Select offers to change them together"}
      </Typography.Text>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            { key: "selected", label: `Selected offers (${formatCount(selected)})`, disabled: !selected },
            { key: "matching", label: all, disabled: !matching },
          ],
          onClick: ({ key }) => (key === "selected" ? onBulkSelected() : onBulkMatching()),
        }}
      >
        <Button icon={<EditOutlined />} data-testid="bulk-change">
          Bulk change <DownOutlined />
        </Button>
      </Dropdown>
      {selected > 0 && (
        <Button type="link" onClick={onClear} data-testid="bulk-clear">
          Clear selection
        </Button>
      )}
    </Flex>
  );
}
