/**
 * Accessibility: axe-core on every public page and every admin page (the routes of
 * apps/admin/src/app/App.tsx), with zero serious or critical violations of WCAG 2.1 A/AA; and the
 * keyboard: every control reached by Tab shows where the focus is.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { logIn, mutate, query, shoot } from "../src/harness";
import { usePatientTribune } from "../src/patient";

const tribune = usePatientTribune();

const OPEN_SURVEY = "ressenti-a11y";

/** The admin's routes (App.tsx); `:id` filled in from the demo data. */
const ADMIN_ROUTES = [
  "/programme",
  "/enquetes",
  "/enquetes/nouvelle",
  "/enquetes/chiffres-cles",
  "/enquetes/:survey/questionnaire",
  "/enquetes/:survey/collecte",
  "/enquetes/:survey/import",
  "/enquetes/:survey/invitations",
  "/enquetes/:survey",
  "/editions",
  "/salles",
  "/intervenants",
  "/partenaires",
  "/dossier-de-presse",
  "/dossiers",
  "/motions",
  "/journal",
  "/comptes",
  "/subdivisions",
  "/subdivisions/:subdivision",
  "/adherents",
  "/inscriptions",
  "/accueil",
  "/page-qui-n-existe-pas",
];

const PUBLIC_ROUTES = [
  "/connexion",
  "/connexion/mot-de-passe-oublie",
  // The pages a message's link opens (any token: the page asks the server only on sending).
  `/connexion/nouveau-mot-de-passe?jeton=${"a".repeat(43)}`,
  `/connexion/invitation?jeton=${"a".repeat(43)}`,
  "/public/programme",
  "/public/inscription",
  `/public/enquete/${OPEN_SURVEY}`,
  "/public/enquete/enquete-inconnue",
  "/public/page-inconnue",
];

interface Problem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Waits for the page to settle: its first heading shown, no « Chargement… » left, and the
 * requests done — but not forever: the press-kit page keeps rendering its preview.
 */
async function settle(page: Page) {
  // 30 s: a page's chunk and first queries, on a machine other runs load, have taken over 15.
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
  await page
    .getByText(/^Chargement/)
    .first()
    .waitFor({ state: "detached" });
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
}

/** Serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
async function seriousViolations(page: Page): Promise<Problem[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

const VIEWPORTS = {
  téléphone: { width: 390, height: 844 },
  ordinateur: { width: 1280, height: 900 },
};

/** Fails with the violations' rule, impact, help and first elements, for whoever fixes them. */
async function expectNoSeriousViolation(page: Page, path: string) {
  await page.goto(path);
  await settle(page);
  expect(await seriousViolations(page)).toEqual([]);
}

describe("accessibility (axe-core, WCAG 2.1 AA): public pages", () => {
  beforeAll(async () => {
    const bureau = await tribune.page();
    await logIn(bureau, "bureau");
    // An open-link survey with a Likert scale, for the public survey page.
    const survey = await mutate<{ id: string }>(bureau, "survey.create", {
      slug: OPEN_SURVEY,
      title: "Votre ressenti sur le congrès",
      year: 2026,
      opensOn: null,
      closesOn: null,
      anonymity: "open_link",
      questions: [
        { id: "note", type: "likert", label: "Le congrès vous a-t-il plu ?", required: true },
        { id: "revenir", type: "yes_no", label: "Reviendrez-vous ?", required: false },
        { id: "mot", type: "text", label: "Un mot pour l'équipe", required: false },
      ],
    });
    await mutate(bureau, "survey.setStatus", { id: survey.id, status: "open" });
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS))
    it.each(PUBLIC_ROUTES)(`%s (${device}) has no serious or critical violation`, async (path) => {
      const page = await tribune.page({ viewport });
      await expectNoSeriousViolation(page, path);
      if (path === "/public/programme") await shoot(page, `a11y-programme-public-${device}`);
    });
});

describe("accessibility (axe-core, WCAG 2.1 AA): admin pages", () => {
  let admin: Page;
  let ids = { survey: "", subdivision: "" };
  beforeAll(async () => {
    admin = await tribune.page();
    await logIn(admin, "admin");
    const [survey] = await query<{ id: string }[]>(admin, "survey.list");
    const [subdivision] = await query<{ id: string }[]>(admin, "subdivision.list");
    if (!survey || !subdivision) throw new Error("the demo has no survey or no subdivision");
    ids = { survey: survey.id, subdivision: subdivision.id };
  });

  it.each(ADMIN_ROUTES)("%s has no serious or critical violation", async (route) => {
    const path = route.replace(":survey", ids.survey).replace(":subdivision", ids.subdivision);
    await expectNoSeriousViolation(admin, path);
  });
});

describe("keyboard", () => {
  it("shows where the keyboard focus is on every control reached by Tab", async () => {
    const visitor = await tribune.page({ viewport: { width: 390, height: 844 } });
    const admin = await tribune.page();
    await logIn(admin, "admin");
    const unmarked: string[] = [];
    for (const [page, path] of [
      [visitor, "/public/programme"],
      [visitor, "/public/inscription"],
      [admin, "/programme"],
      [admin, "/inscriptions"],
    ] as const) {
      await page.goto(path);
      await settle(page);
      for (let i = 0; i < 25; i += 1) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const outlined =
            style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
          const ringed = style.boxShadow !== "none";
          const name = `${el.tagName.toLowerCase()} « ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)} »`;
          return { visible: outlined || ringed, name };
        });
        if (focus && !focus.visible) unmarked.push(`${path}: ${focus.name}`);
      }
    }
    expect(unmarked).toEqual([]);
  });
});
