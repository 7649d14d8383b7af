import { ROOMS_2026 } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { logIn, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

describe("programme", () => {
  // The grid itself belongs to the admin's features/schedule (ProgrammePage): this spec only
  // checks the stable, accessible text any version of it shows. Grid interactions (moving a
  // session onto an occupied slot, creating a session) go in specs/grid.e2e.ts — see README.
  it("shows day 1 with its four rooms to an organiser", async () => {
    const page = await tribune.page();
    await logIn(page, "organiser", "/connexion?retour=%2Fprogramme");
    await page.waitForURL(/\/programme$/);
    await page.getByRole("tab", { name: /jeudi 22 janvier/i }).waitFor();
    for (const room of ROOMS_2026) {
      await page.getByText(room.name, { exact: true }).first().waitFor();
    }
    await shoot(page, "programme-jeudi");
  });

  it("publishes the programme without login", async () => {
    const page = await tribune.page();
    await page.goto("/public/programme");
    await page.getByText("Plénière d'ouverture").first().waitFor();
    expect(page.url()).toMatch(/\/public\/programme$/);
    await shoot(page, "programme-public");
  });
});
