// The product sync as a job body, written against StepRunner so the Inngest function and the
// in-process runner execute the same steps. Orchestration only: every side effect is a step.
//
// Per account: the count and the first (speculative) chunk start together, so pages flow while
// eMAG answers the count; then the remaining chunks run in CHUNK_LANES lanes, each lane a chain
// of steps. Step ids name their page range, so a retry re-runs exactly one chunk and finished
// chunks are replayed from memoised state, never fetched again. MAIN and FBE run in parallel
// (separate budgets) and neither's failure stops the other.
import type { StepRunner } from "@/lib/jobs/step";
import { finishSync } from "@/lib/sync/finish";
import type { SyncLogJson } from "@/lib/sync/log-store";
import { CHUNK_LANES, CHUNK_PAGES } from "@/lib/sync/options";
import { syncPages } from "@/lib/sync/pages";
import { countAccount, finalizeAccount, planSync, recordAccountFailure, type CountOutcome, type SyncPlan } from "@/lib/sync/steps";

export function chunkRanges(from: number, to: number, size = CHUNK_PAGES): [number, number][] {
  const out: [number, number][] = [];
  for (let p = from; p <= to; p += size) out.push([p, Math.min(to, p + size - 1)]);
  return out;
}

async function accountFlow(step: StepRunner, syncId: string, { account, specPages }: SyncPlan["accounts"][number]) {
  const count = step.run(`count-${account}`, () => countAccount(syncId, account)) as Promise<CountOutcome>;
  const first = step.run(`pages-${account}-1-${specPages}`, () => syncPages(syncId, account, 1, specPages));
  let c: CountOutcome;
  try {
    c = await count;
  } catch (err) {
    await first.catch(() => {}); // settle the chunk already under way before giving up on the account
    throw err;
  }
  const rest = c.ok ? chunkRanges(specPages + 1, c.lastPage) : [];
  const lanes = Array.from({ length: Math.min(CHUNK_LANES, rest.length) }, async (_, lane) => {
    for (let i = lane; i < rest.length; i += CHUNK_LANES) {
      const [from, to] = rest[i]!;
      await step.run(`pages-${account}-${from}-${to}`, () => syncPages(syncId, account, from, to));
    }
  });
  await Promise.all([first, ...lanes]);
  await step.run(`finalize-${account}`, () => finalizeAccount(syncId, account));
}

export async function productSyncBody(step: StepRunner, syncId: string): Promise<SyncLogJson> {
  const plan = (await step.run("plan", () => planSync(syncId))) as SyncPlan;
  const outcomes = await Promise.allSettled(plan.accounts.map((a) => accountFlow(step, syncId, a)));
  // A step that exhausted its retries ends only its own account; the other one has finished.
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === "fulfilled") continue;
    const account = plan.accounts[i]!.account;
    const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
    await step.run(`record-failure-${account}`, () => recordAccountFailure(syncId, account, message));
  }
  return (await step.run("finish", () => finishSync(syncId))) as SyncLogJson;
}

