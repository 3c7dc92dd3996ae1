// The single antd theme. Components read colours and spacing from these tokens
// (theme.useToken()), never from literals of their own.
import type { ThemeConfig } from "antd";

export const appTheme: ThemeConfig = {
  token: {
    // The brand colour is defined here once; everything else derives from antd's palette.
    colorPrimary: "#2f54eb",
    colorInfo: "#2f54eb",
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { headerHeight: 56, headerPadding: "0 16px" },
    Menu: { itemBorderRadius: 6 },
    Card: { bodyPadding: 20 },
  },
};

/** Widths shared by the shell and its drawers. */
export const layoutSizes = {
  siderWidth: 220,
  siderCollapsedWidth: 64,
  drawerWidth: 260,
} as const;
