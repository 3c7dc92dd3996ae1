"use client";
// The MagFlow mark: used in the sider, the phone drawer and on the login card.
import { ThunderboltFilled } from "@ant-design/icons";
import { Flex, theme, Typography } from "antd";

interface BrandProps {
  /** Show only the mark (collapsed sider). */
  compact?: boolean;
  /** Text colour suited to a dark background. */
  inverted?: boolean;
  size?: "medium" | "large";
}

export function Brand({ compact = false, inverted = false, size = "medium" }: BrandProps) {
  const { token } = theme.useToken();
  const box = size === "large" ? token.controlHeightLG : token.controlHeight;
  return (
    <Flex align="center" gap={token.marginXS}>
      <Flex
        align="center"
        justify="center"
        aria-hidden
        style={{
          width: box,
          height: box,
          flex: "none",
          borderRadius: token.borderRadiusLG,
          background: token.colorPrimary,
          color: token.colorTextLightSolid,
          fontSize: size === "large" ? token.fontSizeXL : token.fontSizeLG,
        }}
      >
        <ThunderboltFilled />
      </Flex>
      {!compact && (
        <Typography.Text
          strong
          style={{
            fontSize: size === "large" ? token.fontSizeHeading3 : token.fontSizeLG,
            color: inverted ? token.colorTextLightSolid : token.colorText,
            whiteSpace: "nowrap",
          }}
        >
          MagFlow
        </Typography.Text>
      )}
    </Flex>
  );
}
