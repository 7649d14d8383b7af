import { randomBytes } from "node:crypto";
import { once } from "node:events";
import {
  DEMO_PASSWORD,
  type FreshDatabase,
  freshDatabase,
  type RunningTribune,
  startTribune,
} from "@tribune/cli-kit/testing";
import { referenceProgramme2026, referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn, trpcGet, trpcPost } from "./testing";

const EDITION = referenceProgramme2026().edition.id;
const SUBDIVISION = referenceSubdivision("dijon").id;

/**
 * `kill -9` of the server on PGlite while registrations are being written: whatever it
 * acknowledged is there after a restart on the same data folder.
 */
describe("server on PGlite killed during writes", () => {
  let fresh: FreshDatabase;
  let server: RunningTribune | null = null;

  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await fresh.drop();
  });

  const env = () => ({ ...fresh.env, TRIBUNE_RATE_LIMITS: "off" });

  it("keeps every acknowledged registration", async () => {
    server = await startTribune({ env: env() });
    const { url, child } = server;
    const acknowledged: string[] = [];
    let serial = 0;
    let killed = false;

    /** One client registering people one after the other until the server dies under it. */
    const client = async () => {
      while (!killed) {
        serial += 1;
        const res = await trpcPost(url, "registration.register", {
          editionId: EDITION,
          firstName: "Durable",
          lastName: `Interne ${serial}`,
          email: `durable.${serial}@kill.example`,
          subdivisionId: SUBDIVISION,
          idempotencyKey: `kill-${serial}-${randomBytes(4).toString("hex")}`,
        }).catch(() => null);
        if (!res) return;
        // The public answer acknowledges the address (the code goes by e-mail).
        const body = (await res.json().catch(() => null)) as {
          result?: { data: { email: string } };
        } | null;
        const email = res.status === 200 ? body?.result?.data.email : undefined;
        if (email) acknowledged.push(email);
      }
    };
    const clients = Array.from({ length: 6 }, client);

    // Kill once writes are flowing, with requests in flight.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 40 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    killed = true;
    await exited;
    await Promise.all(clients);
    server = null;

    server = await startTribune({ env: env() });
    const cookie = await logIn(server.url, "admin@tribune.demo", DEMO_PASSWORD);
    const res = await trpcGet(
      server.url,
      "registration.list",
      { editionId: EDITION, limit: 1000 },
      { Cookie: cookie },
    );
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { data: { items: { email: string }[] } } };
    const stored = new Set(result.data.items.map((r) => r.email));
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
  }, 180_000);
});
