import { describe, expect, it } from "vitest";
import { logIn, mutate, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

type Model = {
  sections: {
    id: string;
    status: string;
    title: string;
    content: { items?: { title: string; figureIds: string[] }[] };
  }[];
};

describe("dossiers, motions and the press kit's sections", () => {
  it("lets the bureau edit a dossier and find it so in the list and in the press kit", async () => {
    const page = await tribune.page();
    await logIn(page, "bureau");
    await page.goto("/dossiers");
    const defendre = page.getByRole("region", { name: "Défendre" });
    await defendre.getByRole("button", { name: "PERMANENCE DES SOINS AMBULATOIRES" }).click();
    const article = page.getByRole("article", { name: "PERMANENCE DES SOINS AMBULATOIRES" });
    await article.getByRole("button", { name: "Modifier" }).click();
    const title = page.getByRole("textbox", { name: "Titre" });
    await title.fill("PERMANENCE DES SOINS AMBULATOIRES (PDSA)");
    const text = page.getByRole("textbox", { name: /^Texte/ });
    await text.fill(`${await text.inputValue()}\n\n- **Nouveau** : position adoptée en 2026`);
    await shoot(page, "dossier-modification");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await defendre
      .getByRole("button", { name: "PERMANENCE DES SOINS AMBULATOIRES (PDSA)" })
      .waitFor();
    await page.getByRole("article").getByText("position adoptée en 2026").waitFor();
    await shoot(page, "dossier-modifie");

    // The press kit takes its pillars from the dossiers: the edit is in the next PDF's model.
    const model = await query<Model>(page, "pressKit.model", { year: 2026 });
    const titles = model.sections.flatMap((s) => s.content.items?.map((i) => i.title) ?? []);
    expect(titles).toContain("PERMANENCE DES SOINS AMBULATOIRES (PDSA)");
  });

  it("lets the bureau set large in a dossier a key figure it just published", async () => {
    const page = await tribune.page();
    await logIn(page, "bureau");
    await page.goto("/dossiers");
    await mutate(page, "survey.saveKeyFigure", {
      definition: {
        id: "tt-au-dela-70h",
        surveySlug: "temps-de-travail-2024",
        questionId: "heures_semaine",
        statistic: { kind: "share_above", threshold: 70 },
        scale: 100,
        template: "{value} % des internes travaillent plus de 70 heures par semaine",
        published: true,
      },
    });
    const defendre = page.getByRole("region", { name: "Défendre" });
    const name = "PÉRENNISATION DE LA REVALORISATION DES GARDES";
    await defendre.getByRole("button", { name }).click();
    await page.getByRole("article", { name }).getByRole("button", { name: "Modifier" }).click();
    const text = page.getByRole("textbox", { name: /^Texte/ });
    await text.fill(
      `${await text.inputValue()}\n\n{{tt-au-dela-70h}} des internes sont concerné·es.`,
    );
    const figures = page.getByRole("group", { name: "Chiffres clés mis en avant" });
    await figures.getByRole("checkbox", { name: /tt-au-dela-70h/ }).check();
    await shoot(page, "dossier-chiffre-cle");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("article", { name }).getByRole("button", { name: "Modifier" }).waitFor();

    const model = await query<Model & { figures: { id: string; value: number | null }[] }>(
      page,
      "pressKit.model",
      { year: 2026 },
    );
    expect(model.figures.find((f) => f.id === "tt-au-dela-70h")?.value).toEqual(expect.any(Number));
    const items = model.sections.flatMap((s) => s.content.items ?? []);
    expect(items.find((i) => i.title === name)).toMatchObject({ figureIds: ["tt-au-dela-70h"] });
  });

  it("records a representative's vote on a motion the bureau tabled, and shows the result", async () => {
    const bureau = await tribune.page();
    await logIn(bureau, "bureau");
    await bureau.goto("/motions");
    await bureau.getByRole("button", { name: "Nouvelle motion" }).click();
    const form = bureau.getByRole("form", { name: "Nouvelle motion" });
    await form.getByLabel("Conseil d'Administration").selectOption({ index: 1 });
    await form.getByLabel("Titre").fill("Motion sur la PDSA des internes");
    await form.getByLabel("Texte de la motion").fill("Le CA refuse toute PDSA obligatoire.");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await bureau.getByRole("button", { name: "Motion sur la PDSA des internes" }).waitFor();

    const representative = await tribune.page();
    await logIn(representative, "representative");
    await representative.goto("/motions");
    await representative.getByRole("button", { name: "Motion sur la PDSA des internes" }).click();
    const grid = representative.getByRole("table", { name: "Vote par subdivision" });
    await grid.getByRole("combobox", { name: /^Vote de / }).selectOption("for");
    await representative.getByText(/enregistré : Pour\./).waitFor();
    await representative
      .getByText(/^Motion adoptée : 1 voix pour et 0 voix contre sur 1 suffrage exprimé/)
      .waitFor();
    // One subdivision only: the representative's own.
    expect(await grid.getByRole("combobox").count()).toBe(1);
    await shoot(representative, "motion-vote");

    // Voted, the motion's text is locked and it cannot be deleted.
    await bureau.reload();
    await bureau.getByRole("button", { name: "Motion sur la PDSA des internes" }).click();
    await bureau.getByText(/Une motion votée reste au registre/).waitFor();
    expect(await bureau.getByRole("button", { name: "Supprimer la motion" }).count()).toBe(0);
  });

  it("lets the press edit a section, which prints as a draft until the bureau validates it", async () => {
    const press = await tribune.page();
    await logIn(press, "press");
    await press.goto("/dossier-de-presse");
    const sections = press.getByRole("region", { name: "Sections" });
    await sections.getByRole("button", { name: "Modifier « Mot du Bureau National »" }).click();
    const form = press.getByRole("form", { name: "Modifier « Mot du Bureau National »" });
    const text = form.getByLabel("Texte", { exact: true });
    await text.fill(`${await text.inputValue()}\n\nÀ très vite à Dijon !`);
    await shoot(press, "dossier-de-presse-edition");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const row = sections.getByRole("listitem").filter({ hasText: "Mot du Bureau National" });
    await row.getByText("brouillon").waitFor();
    await row.getByText(/Modifié par press@tribune\.demo/).waitFor();
    expect(await sections.getByRole("button", { name: /^Valider/ }).count()).toBe(0);
    await shoot(press, "dossier-de-presse-brouillon");
    const draft = await query<Model>(press, "pressKit.model", { year: 2026 });
    expect(draft.sections.find((s) => s.id === "mot-bureau")?.status).toBe("draft");
    // A render waits behind the page's preview in the server's worker: allow for a slow machine.
    const pdf = await press.request.get("/api/editions/2026/press-kit.pdf", { timeout: 60_000 });
    expect(pdf.status()).toBe(200);

    const bureau = await tribune.page();
    await logIn(bureau, "bureau");
    await bureau.goto("/dossier-de-presse");
    const list = bureau.getByRole("region", { name: "Sections" });
    await list.getByRole("button", { name: "Valider « Mot du Bureau National »" }).click();
    await list
      .getByText(/Validé par bureau@tribune\.demo/)
      .first()
      .waitFor();
    await bureau
      .getByRole("region", { name: "Sections" })
      .getByText("11 sections validées sur 11.", { exact: false })
      .waitFor();
    await shoot(bureau, "dossier-de-presse-valide");
    const validated = await query<Model>(bureau, "pressKit.model", { year: 2026 });
    expect(validated.sections.every((s) => s.status === "validated")).toBe(true);
  });
});
