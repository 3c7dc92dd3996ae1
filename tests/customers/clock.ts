// Freezes the customer clock (lib/customers customerClock) for a test file, so rows written at
// different moments compare equal with a rebuild's.
import { afterAll, beforeAll } from "vitest";
import { customerClock } from "@/lib/customers/upkeep";

export function freezeCustomerClock() {
  const clock = customerClock.now;
  beforeAll(() => {
    const frozen = new Date();
    customerClock.now = () => frozen;
  });
  afterAll(() => void (customerClock.now = clock));
}
