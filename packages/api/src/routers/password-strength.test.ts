import type { Database } from "@tribune/db";
import { describe, expect, it } from "vitest";
import { createPublicRateLimits, DEFAULT_ALLOWANCES } from "../rate-limit";
import { createCaller } from "../root";
import { FakeCookieJar, rejection } from "../test-support";

/** The procedure reads no database: a caller without one shows it never asks. */
const browser = (clientIp = "203.0.113.7", rateLimits = createPublicRateLimits()) =>
  createCaller({
    db: null as unknown as Database,
    actor: null,
    clientIp,
    cookies: new FakeCookieJar(),
    rateLimits,
  }).auth;

describe("auth.passwordStrength", () => {
  it("says what is missing while a password is typed, and accepts what the choice accepts", async () => {
    const auth = browser();
    expect(await auth.passwordStrength({ password: "cheval" })).toMatchObject({
      acceptable: false,
      advice: "Encore 6 caractères au moins.",
    });
    const common = await auth.passwordStrength({ password: "azertyuiop123" });
    expect(common.acceptable).toBe(false);
    expect(common.score).toBeLessThan(3);
    expect(common.advice).toMatch(/\S/);
    expect(await auth.passwordStrength({ password: "cheval agrafe pile correcte" })).toEqual({
      score: expect.any(Number),
      acceptable: true,
      advice: null,
    });
  });

  it("is counted against the address's allowance", async () => {
    const auth = browser(
      "203.0.113.8",
      createPublicRateLimits({
        ...DEFAULT_ALLOWANCES,
        strength: { points: 2, windowSeconds: 600 },
      }),
    );
    await auth.passwordStrength({ password: "un" });
    await auth.passwordStrength({ password: "deux" });
    const refused = await rejection(auth.passwordStrength({ password: "trois" }));
    expect(refused.data.code).toBe("TOO_MANY_REQUESTS");
  });
});
