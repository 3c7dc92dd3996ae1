"use client";
// The offer's images as a small previewable gallery. eMAG's CDN may be unreachable (e.g. offline
// demo), so each image falls back to a neutral placeholder instead of a broken icon.
import { FileImageOutlined } from "@ant-design/icons";
import { Flex, Image, theme } from "antd";

export function ProductImages({ images, alt }: { images: string[]; alt: string }) {
  const { token } = theme.useToken();
  const size = token.controlHeightLG * 2;
  if (images.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={token.marginXS} data-testid="product-images">
        {images.map((src, i) => (
          <Image
            key={src}
            src={src}
            alt={`${alt} (${i + 1})`}
            width={size}
            height={size}
            style={{ objectFit: "contain", borderRadius: token.borderRadius, background: token.colorFillQuaternary }}
            placeholder={
              <Flex align="center" justify="center" style={{ width: size, height: size, color: token.colorTextQuaternary }}>
                <FileImageOutlined />
              </Flex>
            }
            fallback="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E"
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
