"use client";
// One product in full: the list row shows at once, the detail (with eMAG's raw offer) fills in.
// Managers and admins edit the offer here (sent to eMAG); everyone sees its change history.
import { Collapse, Drawer, Flex, Grid, Skeleton, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { OfferChangeTimeline } from "@/components/offers/offer-change-timeline";
import { OfferEditForm } from "@/components/offers/offer-edit-form";
import { ProductDetails } from "@/components/products/product-details";
import { ProductImages } from "@/components/products/product-images";
import { productQueries, type Product } from "@/lib/ui/queries/emag-products";

function RawOffer({ raw }: { raw: unknown }) {
  const { token } = theme.useToken();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: "raw",
          label: "Raw eMAG offer (as last read)",
          children: (
            <pre style={{ margin: 0, maxHeight: 360, overflow: "auto", fontSize: token.fontSizeSM, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
              {JSON.stringify(raw, null, 2)}
            </pre>
          ),
        },
      ]}
    />
  );
}

export function ProductDrawer({ product, canEditOffer, onClose }: { product: Product | null; canEditOffer: boolean; onClose: () => void }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const detail = useQuery({ ...productQueries.detail(product?.id ?? ""), enabled: !!product });
  const shown = detail.data ?? product;

  return (
    <Drawer
      open={!!product}
      onClose={onClose}
      size={isMobile ? "100%" : 720}
      destroyOnHidden
      title={<Typography.Text ellipsis={{ tooltip: shown?.name }}>{shown?.name || "Product"}</Typography.Text>}
      data-testid="product-drawer"
    >
      {shown && (
        <Flex vertical gap={token.marginLG}>
          {detail.isError && !detail.data && (
            <QueryError compact error={detail.error} title="Could not load the full product" onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
          )}
          <ProductImages images={shown.images ?? []} alt={shown.name} />
          {/* An offer gone from eMAG cannot take changes; its values and history stay visible. */}
          <OfferEditForm product={shown} canWrite={canEditOffer && !shown.removed_at} />
          <OfferChangeTimeline productId={shown.id} />
          <ProductDetails product={shown} />
          {detail.data ? <RawOffer raw={detail.data.raw} /> : detail.isPending && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
        </Flex>
      )}
    </Drawer>
  );
}
