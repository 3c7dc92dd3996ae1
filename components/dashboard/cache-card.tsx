"use client";
// The cache (lib/cache): which backend, how often reads hit it, how many keys and how much memory.
import { RocketOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Fact } from "@/components/dashboard/fact";
import { HealthCheckCard } from "@/components/dashboard/health-check-card";
import { formatBytes, formatCount, formatPercent } from "@/lib/ui/format";
import { systemQueries } from "@/lib/ui/queries/system";

export function CacheCard() {
  const cache = useQuery(systemQueries.cache());
  const s = cache.data;
  if (!s) return <HealthCheckCard title="Cache" icon={<RocketOutlined />} loading={cache.isPending} message={cache.isError ? "Cache statistics are unavailable" : undefined} />;
  const reads = s.hits + s.misses;
  return (
    <HealthCheckCard
      title="Cache"
      icon={<RocketOutlined />}
      // Informational: a cold or empty cache is not a fault, the loaders answer every miss.
      status="healthy"
      headline={reads ? `${formatPercent(s.hitRate * 100)} hits` : "No reads yet"}
      message={s.backend === "memory" ? "In-memory (per instance); set REDIS_URL to share it" : undefined}
    >
      <Fact label="Backend">{s.backend === "redis" ? "Redis" : "In-memory LRU"}</Fact>
      <Fact label="Reads (this instance)">{`${formatCount(s.hits)} hits / ${formatCount(s.misses)} misses`}</Fact>
      <Fact label="Keys">{formatCount(s.keys)}</Fact>
      <Fact label="Memory">{formatBytes(s.memoryBytes)}</Fact>
    </HealthCheckCard>
  );
}
