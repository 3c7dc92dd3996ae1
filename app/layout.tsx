import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AntdRegistry } from "@ant-design/nextjs-registry";
import { AppProviders } from "@/components/providers/app-providers";
import { appTheme } from "@/components/providers/theme";
import "./globals.css";

// The brand mark as an inline SVG icon, coloured from the theme token (no separate asset to keep in sync).
const icon = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${appTheme.token?.colorPrimary ?? "currentColor"}"/><path d="M18 4 8 18h7l-2 10 10-14h-7z" fill="white"/></svg>`,
)}`;

export const metadata: Metadata = {
  title: { default: "MagFlow", template: "%s · MagFlow" },
  description: "Back-office for eMAG marketplace sellers",
  icons: { icon },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AntdRegistry>
          <AppProviders>{children}</AppProviders>
        </AntdRegistry>
      </body>
    </html>
  );
}
