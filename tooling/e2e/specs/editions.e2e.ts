import { ROOMS_2026 } from "@tribune/reference";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

const AMPHI = ROOMS_2026[0]?.name ?? "";
const TITLE = "Table ronde 2027 : former les maîtres de stage";

interface PublicProgramme {
  edition: { year: number };
  entries: { title: string }[];
  inPreparation: boolean;
}

/** What anyone reads of an edition's programme (programme.json's source). */
const publicProgramme = (page: Page, year: number) =>
  query<PublicProgramme>(page, "schedule.programme", { year });

/** The 2027 grid's first day, with its session blocks. */
const grid = (page: Page) => page.getByRole("region", { name: "Grille du jeudi 21 janvier" });
const block = (page: Page) => grid(page).getByRole("button", { name: new RegExp(`: ${TITLE}\\.`) });

describe("editions", () => {
  it("an organiser prepares 2027 from 2026, switches to it, adds and publishes a session; 2026 stays as it was", async () => {
    const page = await tribune.page();
    await logIn(page, "organiser", "/connexion?retour=%2Feditions");
    await page.waitForURL(/\/editions$/);
    const before2026 = await publicProgramme(page, 2026);
    expect(before2026.entries.length).toBeGreaterThan(0);

    // The editions page: 2026, over.
    const row2026 = page.getByRole("row").filter({ hasText: "26e congrès" });
    await row2026.getByText("Terminée").waitFor();
    await shoot(page, "editions-liste");

    // A new edition from 2026: next number and year, same weekdays a year on.
    await page.getByRole("button", { name: "Nouvelle édition" }).click();
    const form = page.getByRole("region", { name: "Nouvelle édition" });
    expect(await form.getByLabel("À partir de l'édition").inputValue()).toBe("2026");
    expect(await form.getByLabel("Numéro du congrès").inputValue()).toBe("27");
    expect(await form.getByLabel("Année", { exact: true }).inputValue()).toBe("2027");
    expect(await form.getByLabel("Premier jour", { exact: true }).inputValue()).toBe("2027-01-21");
    expect(await form.getByLabel("Dernier jour", { exact: true }).inputValue()).toBe("2027-01-22");
    await form.getByLabel("Thème", { exact: true }).fill("Former demain");
    await form.getByLabel("Ville", { exact: true }).fill("Lyon");
    await form.getByLabel("Lieu", { exact: true }).fill("Centre de congrès de Lyon");
    await shoot(page, "editions-nouvelle");
    await form.getByRole("button", { name: "Enregistrer" }).click();

    const report = page
      .getByRole("status")
      .filter({ hasText: "Édition 2027 créée à partir de 2026" });
    await report.waitFor();
    expect(await report.textContent()).toContain(`${ROOMS_2026.length} salles`);
    const row2027 = page.getByRole("row").filter({ hasText: "27e congrès" });
    await row2027.getByText("En préparation").waitFor();
    expect(await row2027.textContent()).toContain("Former demain");
    await shoot(page, "editions-creee");

    // The header's switcher: every page now shows 2027, the address says so.
    await page.getByLabel("Édition", { exact: true }).selectOption("2027");
    await page.waitForURL(/\?edition=2027$/);
    await page.getByRole("button", { name: "Congrès", exact: true }).click();
    await page.getByRole("link", { name: "Programme", exact: true }).click();
    await page.waitForURL(/\/programme\?edition=2027$/);
    await grid(page).waitFor();
    await page.getByText("27e congrès · Lyon · Centre de congrès de Lyon").waitFor();
    // The rooms came over from 2026.
    await grid(page).getByText(AMPHI, { exact: true }).waitFor();

    // A session on the new first day, saved as a draft.
    await page.getByRole("button", { name: "Nouvelle session" }).click();
    const create = page.getByRole("dialog", { name: "Nouvelle session" });
    await create.getByLabel("Type", { exact: true }).selectOption({ label: "Table ronde" });
    await create.getByLabel("Titre").fill(TITLE);
    await create.getByLabel("Jour").selectOption({ label: "jeudi 21 janvier" });
    await create.getByLabel("Début", { exact: true }).fill("10:30");
    await create.getByLabel("Fin", { exact: true }).fill("12:00");
    await create.getByRole("checkbox", { name: new RegExp(`^${AMPHI}`) }).check();
    await create.getByRole("button", { name: "Enregistrer" }).click();
    await create.waitFor({ state: "detached" });
    await block(page).waitFor();
    expect(await block(page).getAttribute("aria-label")).toMatch(/brouillon\.$/);
    await page.mouse.move(1, 1);
    await shoot(page, "editions-2027-brouillon");

    // Nothing published yet: the public page of 2027 says so, instead of an empty grid.
    const visitor = await tribune.page();
    await visitor.goto("/public/programme?edition=2027");
    await visitor.getByRole("heading", { name: "Programme en préparation" }).waitFor();
    expect(await visitor.getByRole("heading", { level: 1 }).textContent()).toBe("Former demain");
    await shoot(visitor, "editions-public-2027-preparation");

    // Published: the public programme of 2027 shows it.
    await block(page).click();
    const edit = page.getByRole("dialog", { name: "Modifier la session" });
    await edit.getByRole("checkbox", { name: /^Publiée/ }).check();
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await edit.waitFor({ state: "detached" });
    await grid(page)
      .getByRole("button", { name: new RegExp(`: ${TITLE}\\..*publiée\\.$`) })
      .waitFor();

    await visitor.goto("/public/programme?edition=2027");
    const entry = visitor
      .getByRole("region", { name: "Jeudi 21 janvier" })
      .getByRole("article", { name: TITLE });
    await entry.waitFor();
    expect(await entry.textContent()).toContain("10:30–12:00");
    expect(await visitor.getByText("Programme en préparation").count()).toBe(0);
    await shoot(visitor, "editions-public-2027");

    // 2026's programme is unchanged, on the page and on the server.
    await visitor.goto("/public/programme?edition=2026");
    await visitor.getByText("Plénière d'ouverture").first().waitFor();
    expect(await visitor.getByText(TITLE).count()).toBe(0);
    const after2026 = await publicProgramme(page, 2026);
    expect(after2026.entries.map((e) => e.title)).toEqual(before2026.entries.map((e) => e.title));
    const after2027 = await publicProgramme(page, 2027);
    expect(after2027.entries.map((e) => e.title)).toEqual([TITLE]);
    expect(after2027.inPreparation).toBe(false);
    await shoot(visitor, "editions-public-2026");

    // No registration date set yet: the public registration page of 2027 says so.
    await visitor.goto("/public/inscription?edition=2027");
    await visitor
      .getByText("Les inscriptions au congrès 2027 ne sont pas encore ouvertes.")
      .waitFor();
    expect(await visitor.getByRole("button", { name: "M'inscrire" }).count()).toBe(0);
    await shoot(visitor, "editions-inscription-2027");
  });

  it("an admin archives 2026, which is over: its pages still read, nothing on them changes", async () => {
    const page = await tribune.page();
    await logIn(page, "admin", "/connexion?retour=%2Feditions");
    await page.waitForURL(/\/editions$/);
    const row2026 = page.getByRole("row").filter({ hasText: "26e congrès" });
    await row2026.getByRole("button", { name: "Archiver l'édition 2026" }).click();
    const dialog = page.getByRole("dialog", { name: "Archiver l'édition 2026 ?" });
    await dialog.waitFor();
    await shoot(page, "editions-archiver");
    await dialog.getByRole("button", { name: "Archiver", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Édition 2026 archivée" }).waitFor();
    await row2026.getByText("Archivée").waitFor();
    expect(await row2026.getByRole("button", { name: /Modifier/ }).count()).toBe(0);

    // Its programme: shown, read-only, and the page says why.
    await page.goto("/programme?edition=2026");
    await page.getByRole("tab", { name: "jeudi 22 janvier" }).waitFor();
    await page
      .getByText(
        "Lecture seule : L'édition 2026 est archivée : elle se consulte mais ne se modifie plus.",
      )
      .waitFor();
    expect(await page.getByRole("button", { name: "Nouvelle session" }).count()).toBe(0);
    await page.getByText("archivée, en lecture seule").waitFor();
    await shoot(page, "editions-2026-archivee-programme");

    // Its rooms: listed, with nothing to add, edit or delete.
    await page.getByRole("button", { name: "Congrès", exact: true }).click();
    await page.getByRole("link", { name: "Salles", exact: true }).click();
    await page.waitForURL(/\/salles\?edition=2026$/);
    await page.getByText("L'édition 2026 est archivée", { exact: false }).first().waitFor();
    expect(await page.getByRole("button", { name: "Ajouter une salle" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: /^Modifier/ }).count()).toBe(0);
    await shoot(page, "editions-2026-archivee-salles");
  });
});
