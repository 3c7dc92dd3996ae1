// New orders keep arriving at a configurable rate per account. The timer is unref'd so it
// never keeps a process (or a test worker) alive, and it is restarted when the rate changes.
import type { SimAccountKind } from "./state";

export function startOrderTimer(rate: () => number, create: (kind: SimAccountKind) => void) {
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    const perMinute = rate();
    if (perMinute <= 0) return;
    timer = setInterval(() => {
      create("main");
      create("fbe");
    }, 60_000 / perMinute);
    timer.unref();
  };
  start();
  return {
    restart() {
      clearInterval(timer);
      timer = undefined;
      start();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
