import { describe, expect, it } from "vitest";
import { freePort, runCli } from "../testing";

describe("the tribune CLI without its database", () => {
  it("says in French that the database does not answer, not the driver's error", async () => {
    // A port nothing listens on: the connection is refused, as when PostgreSQL is down.
    const port = await freePort();
    const result = await runCli(["user", "list"], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/tribune`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Erreur : La base de données ne répond pas (connexion perdue ou serveur arrêté) : la commande s'est arrêtée. Relancez-la une fois la base revenue.",
    );
  }, 60_000);
});
