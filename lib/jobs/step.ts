// The slice of Inngest's step API that job bodies use. Inngest's `step` satisfies it, and so
// does the in-process runner, so one body serves both engines.
export interface StepRunner {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
}
