import { DomainError } from "@tribune/domain/kernel";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * What anyone may do without an account, each with its own allowance per client address:
 * registering, acting with a registration code (cancel, join or leave a workshop — the code is
 * the only secret, so guessing must be slow), answering a survey, and asking how strong a
 * password being chosen is (each pause in typing asks once).
 */
export const PUBLIC_BUCKETS = ["register", "code", "respond", "strength"] as const;
export type PublicBucket = (typeof PUBLIC_BUCKETS)[number];

export interface Allowance {
  /** Requests allowed per window. */
  points: number;
  windowSeconds: number;
}

/**
 * Generous enough for a hospital ward or a faculty behind one address (interns register and
 * answer surveys together), tight enough that a script cannot flood the waitlist or try codes.
 */
export const DEFAULT_ALLOWANCES: Record<PublicBucket, Allowance> = {
  register: { points: 30, windowSeconds: 600 },
  code: { points: 60, windowSeconds: 600 },
  respond: { points: 30, windowSeconds: 600 },
  strength: { points: 300, windowSeconds: 600 },
};

export interface PublicRateLimits {
  /** Counts one request; throws `rate_limited` once the address has used its allowance. */
  consume(bucket: PublicBucket, clientAddress: string): Promise<void>;
}

/**
 * Per-process counters: each server instance counts its own clients, so N instances allow up to
 * N times the allowance — acceptable for abuse control, and nothing to store or clean up.
 */
export function createPublicRateLimits(
  allowances: Record<PublicBucket, Allowance> = DEFAULT_ALLOWANCES,
): PublicRateLimits {
  const limiters = Object.fromEntries(
    PUBLIC_BUCKETS.map((bucket) => [
      bucket,
      new RateLimiterMemory({
        keyPrefix: bucket,
        points: allowances[bucket].points,
        duration: allowances[bucket].windowSeconds,
      }),
    ]),
  ) as Record<PublicBucket, RateLimiterMemory>;

  return {
    async consume(bucket, clientAddress) {
      try {
        await limiters[bucket].consume(clientAddress);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
        throw new DomainError(
          "rate_limited",
          `Trop de demandes depuis cette adresse : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
          { retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) },
        );
      }
    },
  };
}
