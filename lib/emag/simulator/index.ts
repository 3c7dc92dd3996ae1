export { startEmagSimulator, type EmagSimulator, type EmagSimulatorOptions } from "./server";
export { simulatorOptionsFromEnv } from "./env-options";
export type { SimRuntimeConfig } from "./control";
export type { SimAccountKind, SimState } from "./state";
export type { WriteCounters } from "./writes";
