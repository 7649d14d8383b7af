import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import {
  clearLoginFailures,
  loginFailures,
  releaseLoginAttempt,
  takeLoginAttempt,
} from "./auth-sessions";

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const MAX = 30;

describe.each(testBackends())("login throttle on %s", (backend: Backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it("counts failures per key within the window", async () => {
    const windowStart = minutesFromNow(-15);
    for (let i = 0; i < 3; i++)
      await takeLoginAttempt(database.db, "account:a@tribune.test", MAX, windowStart);
    await takeLoginAttempt(database.db, "ip:10.0.0.1", MAX, windowStart);

    expect(await loginFailures(database.db, "account:a@tribune.test", windowStart)).toBe(3);
    expect(await loginFailures(database.db, "ip:10.0.0.1", windowStart)).toBe(1);
    expect(await loginFailures(database.db, "account:unknown@tribune.test", windowStart)).toBe(0);
  });

  it("forgets failures once their window has passed, and restarts the count", async () => {
    const key = "account:b@tribune.test";
    for (let i = 0; i < 4; i++) await takeLoginAttempt(database.db, key, MAX, minutesFromNow(-15));
    // As seen 15 minutes later, the window that held those failures is over.
    const later = minutesFromNow(1);
    expect(await loginFailures(database.db, key, later)).toBe(0);

    await takeLoginAttempt(database.db, key, MAX, later);
    expect(await loginFailures(database.db, key, minutesFromNow(-15))).toBe(1);
  });

  it("clears a key", async () => {
    await clearLoginFailures(database.db, "account:a@tribune.test");
    expect(await loginFailures(database.db, "account:a@tribune.test", minutesFromNow(-15))).toBe(0);
    expect(await loginFailures(database.db, "ip:10.0.0.1", minutesFromNow(-15))).toBe(1);
  });

  it("takes at most the limit's attempts, even all at once, and counts none beyond it", async () => {
    const key = "account:c@tribune.test|ip:10.0.0.2";
    const windowStart = minutesFromNow(-15);
    const taken = await Promise.all(
      Array.from({ length: 20 }, () => takeLoginAttempt(database.db, key, 5, windowStart)),
    );
    expect(taken.filter((count) => count !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await loginFailures(database.db, key, windowStart)).toBe(5);

    await releaseLoginAttempt(database.db, key);
    expect(await takeLoginAttempt(database.db, key, 5, windowStart)).toBe(5);
    expect(await takeLoginAttempt(database.db, key, 5, windowStart)).toBeNull();
    // Once the window is over, the count starts again.
    expect(await takeLoginAttempt(database.db, key, 5, minutesFromNow(1))).toBe(1);
  });
});
