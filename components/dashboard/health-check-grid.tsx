"use client";
// The six detailed checks as cards.
import {
  ApiOutlined,
  CloudServerOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  HddOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import { Col, Row, theme } from "antd";
import { Fact } from "@/components/dashboard/fact";
import { HealthCheckCard } from "@/components/dashboard/health-check-card";
import { inngestModeLabel } from "@/components/dashboard/labels";
import { formatBytes, formatPercent } from "@/lib/ui/format";
import type { DetailedHealth } from "@/lib/ui/queries/system";

const span = { xs: 24, sm: 12, xl: 8 } as const;

export function HealthCheckGrid({ checks }: { checks: DetailedHealth["checks"] }) {
  const { token } = theme.useToken();
  const { database, migrations, redis, inngest, disk, memory } = checks;
  const memoryUsed = memory.systemTotalBytes > 0 ? (1 - memory.systemFreeBytes / memory.systemTotalBytes) * 100 : null;

  return (
    <Row gutter={[token.marginMD, token.marginMD]}>
      <Col {...span}>
        <HealthCheckCard title="Database" icon={<DatabaseOutlined />} status={database.status} headline={`${database.latencyMs} ms`} message={database.message}>
          <Fact label="Query latency">{database.latencyMs} ms</Fact>
        </HealthCheckCard>
      </Col>
      <Col {...span}>
        <HealthCheckCard
          title="Migrations"
          icon={<DeploymentUnitOutlined />}
          status={migrations.status}
          headline={`${migrations.applied} applied`}
          message={migrations.pending.length > 0 ? `Pending: ${migrations.pending.join(", ")}` : undefined}
        >
          <Fact label="Pending">{migrations.pending.length}</Fact>
        </HealthCheckCard>
      </Col>
      <Col {...span}>
        <HealthCheckCard
          title="Redis"
          icon={<ApiOutlined />}
          status={redis.status}
          headline={redis.configured ? (redis.latencyMs !== undefined ? `${redis.latencyMs} ms` : "Configured") : "Not configured"}
          message={redis.message}
        >
          <Fact label="Configured">{redis.configured ? "Yes" : "No (in-memory fallbacks)"}</Fact>
        </HealthCheckCard>
      </Col>
      <Col {...span}>
        <HealthCheckCard title="Inngest" icon={<ThunderboltOutlined />} status={inngest.status} headline={inngestModeLabel(inngest.mode)} message={inngest.message}>
          <Fact label="Mode">{inngest.mode}</Fact>
          {inngest.schedules?.map((s) => (
            <Fact key={s.id} label={s.name}>
              <code style={{ whiteSpace: "nowrap" }}>{s.cron}</code>
            </Fact>
          ))}
        </HealthCheckCard>
      </Col>
      <Col {...span}>
        <HealthCheckCard title="Disk" icon={<HddOutlined />} status={disk.status} headline={`${formatPercent(disk.usedPercent)} used`}>
          <Fact label="Free">{formatBytes(disk.freeBytes)}</Fact>
          <Fact label="Total">{formatBytes(disk.totalBytes)}</Fact>
        </HealthCheckCard>
      </Col>
      <Col {...span}>
        <HealthCheckCard title="Memory" icon={<CloudServerOutlined />} status={memory.status} headline={`${formatBytes(memory.rssBytes)} RSS`}>
          <Fact label="Heap used">{formatBytes(memory.heapUsedBytes)}</Fact>
          <Fact label="System used">{formatPercent(memoryUsed)}</Fact>
        </HealthCheckCard>
      </Col>
    </Row>
  );
}
