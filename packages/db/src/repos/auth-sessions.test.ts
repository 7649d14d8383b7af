import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import { clearLoginFailures, loginFailures, recordLoginFailure } from "./auth-sessions";

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe.each(testBackends())("login throttle on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it("counts failures per key within the window", async () => {
    const windowStart = minutesFromNow(-15);
    for (let i = 0; i < 3; i++)
      await recordLoginFailure(database.db, "account:a@tribune.test", windowStart);
    await recordLoginFailure(database.db, "ip:10.0.0.1", windowStart);

    expect(await loginFailures(database.db, "account:a@tribune.test", windowStart)).toBe(3);
    expect(await loginFailures(database.db, "ip:10.0.0.1", windowStart)).toBe(1);
    expect(await loginFailures(database.db, "account:unknown@tribune.test", windowStart)).toBe(0);
  });

  it("forgets failures once their window has passed, and restarts the count", async () => {
    const key = "account:b@tribune.test";
    for (let i = 0; i < 4; i++) await recordLoginFailure(database.db, key, minutesFromNow(-15));
    // As seen 15 minutes later, the window that held those failures is over.
    const later = minutesFromNow(1);
    expect(await loginFailures(database.db, key, later)).toBe(0);

    await recordLoginFailure(database.db, key, later);
    expect(await loginFailures(database.db, key, minutesFromNow(-15))).toBe(1);
  });

  it("clears a key", async () => {
    await clearLoginFailures(database.db, "account:a@tribune.test");
    expect(await loginFailures(database.db, "account:a@tribune.test", minutesFromNow(-15))).toBe(0);
    expect(await loginFailures(database.db, "ip:10.0.0.1", minutesFromNow(-15))).toBe(1);
  });
});
