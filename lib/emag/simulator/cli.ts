// npm run emag:sim — the eMAG simulator on EMAG_SIM_PORT, configured from the environment.
import { simulatorOptionsFromEnv } from "./env-options";
import { startEmagSimulator } from "./server";

const started = Date.now();
const sim = await startEmagSimulator(simulatorOptionsFromEnv());
const { main, fbe } = sim.state.accounts;
const c = sim.config;
console.log(`eMAG simulator listening on ${sim.url} (control: ${sim.controlUrl})`);
console.log(`  MAIN: ${main.offers.length} offers, ${main.orders.length} orders | FBE: ${fbe.offers.length} offers, ${fbe.orders.length} orders (built in ${Date.now() - started} ms)`);
console.log(`  latency ${JSON.stringify(c.latencyMs)} ms, fault rate ${c.faultRate}, lost-write rate ${c.lostWriteRate}, ${c.newOrdersPerMinute} new orders/min per account`);

const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
