import { join } from "node:path";
import type { Edition, Room, Session } from "@tribune/domain/congress";
import type { Conflict } from "@tribune/domain/schedule";
import { ROOMS_2026 } from "@tribune/reference";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, logIn, mutate, query, shoot, useTribune } from "../src/harness";

const tribune = useTribune();

const [AMPHI, SALLE_2, SALLE_3, SALLE_4] = ROOMS_2026.map((room) => room.name) as [
  string,
  string,
  string,
  string,
];
const REMPLA = "1,2,3 rempla";
const EVOLUTION =
  "Évolution de la pratique de la Médecine Générale et de la place du médecin généraliste";
const VARNEY = "Prix Alexandre VARNEY : Présentation des candidats";
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function organiserOnProgramme() {
  const page = await tribune.page();
  await logIn(page, "organiser", "/connexion?retour=%2Fprogramme");
  await page.waitForURL(/\/programme$/);
  await grid(page).waitFor();
  return page;
}

/** The day's grid (a region named "Grille du jeudi 22 janvier"). */
const grid = (page: Page, day = "jeudi 22 janvier") =>
  page.getByRole("region", { name: `Grille du ${day}` });

/** A session block, by its title (its accessible name also tells time, room and status). */
const block = (page: Page, title: string) =>
  grid(page).getByRole("button", { name: new RegExp(`: ${literal(title)}\\.`) });

const label = async (locator: Locator) => (await locator.getAttribute("aria-label")) ?? "";

/** Waits until the block's accessible name matches, e.g. once a move has been drawn. */
async function blockSays(page: Page, title: string, pattern: RegExp) {
  await block(page, title)
    .and(grid(page).getByRole("button", { name: pattern }))
    .waitFor();
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("element not visible");
  return found;
}

/** The grid column of a room: its (sticky) header. */
const roomHeader = (page: Page, room: string) => grid(page).getByText(room, { exact: true });

/** Whether the block's centre sits under the room's column header. */
async function inColumn(page: Page, title: string, room: string) {
  const b = await box(block(page, title));
  const h = await box(roomHeader(page, room));
  const centre = b.x + b.width / 2;
  return centre > h.x && centre < h.x + h.width;
}

/**
 * A screenshot with `title`'s block scrolled to the middle of the grid and the pointer out of
 * the way (a hovered block shows its resize handle).
 */
async function shootGrid(page: Page, name: string, title?: string) {
  if (title) await block(page, title).evaluate((node) => node.scrollIntoView({ block: "center" }));
  await page.mouse.move(1, 1);
  await shoot(page, name);
}

const conflictList = (page: Page) => page.getByRole("region", { name: /^Conflits/ });

async function server(page: Page) {
  const [edition] = (await query<Edition[]>(page, "edition.list")).slice(-1);
  if (!edition) throw new Error("no edition");
  const editionId = edition.id;
  const [rooms, sessions, conflicts] = await Promise.all([
    query<Room[]>(page, "room.list", { editionId }),
    query<Session[]>(page, "session.list", { editionId }),
    query<Conflict[]>(page, "schedule.conflicts", { editionId }),
  ]);
  const session = (title: string) => {
    const found = sessions.find((s) => s.title === title);
    if (!found) throw new Error(`no session « ${title} »`);
    return found;
  };
  const room = (name: string) => {
    const found = rooms.find((r) => r.name === name);
    if (!found) throw new Error(`no room « ${name} »`);
    return found;
  };
  return { editionId, rooms, sessions, conflicts, session, room };
}

/** Resolves once the server has answered the next move (a drop or an Alt+arrow). */
const moveSaved = (page: Page) =>
  page.waitForResponse((r) => r.url().includes("/trpc/session.move") && r.ok());

/** The room-double-booking conflict between the two sessions, as the conflict list names it. */
async function expectNamedConflict(page: Page, room: string, titles: [string, string]) {
  const list = conflictList(page);
  const item = list.getByRole("button", {
    name: new RegExp(`${literal(room)} : .* ont lieu en même temps`),
  });
  await item.waitFor();
  const text = (await item.textContent()) ?? "";
  for (const title of titles) expect(text).toContain(`« ${title} »`);
  expect(await list.getByRole("heading").textContent()).toBe("Conflits (1)");
  for (const title of titles) {
    expect(await label(block(page, title))).toMatch(/en conflit \(1\)\.$/);
  }
  // Marked on the grid too, not only for screen readers.
  expect(await block(page, REMPLA).getAttribute("class")).toContain("block--conflict");
  expect(await block(page, REMPLA).textContent()).toContain("⚠");
}

describe("programme grid", () => {
  it("shows day 1 with the press kit's four rooms, in order, and its sessions", async () => {
    const page = await organiserOnProgramme();
    expect(
      await page.getByRole("tab", { name: "jeudi 22 janvier" }).getAttribute("aria-selected"),
    ).toBe("true");
    await page.getByText(/^Jeudi 22 janvier : \d+ sessions$/).waitFor();
    const lefts: number[] = [];
    for (const room of [AMPHI, SALLE_2, SALLE_3, SALLE_4]) {
      lefts.push((await box(roomHeader(page, room))).x);
    }
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));

    const opening = block(page, "Plénière d'ouverture");
    await opening.waitFor();
    expect(await label(opening)).toBe(
      "09:00–10:00, Plénière : Plénière d'ouverture. Tout le lieu, en Amphi Romanée Conti. publiée.",
    );
    expect(await label(block(page, REMPLA))).toBe(
      `14:30–16:00, Boîte à outils : ${REMPLA}. ${SALLE_3}. publiée.`,
    );
    expect(await inColumn(page, REMPLA, SALLE_3)).toBe(true);
    // The seeded programme is coherent.
    await conflictList(page).getByText("Aucun conflit : le programme est cohérent.").waitFor();
    await shootGrid(page, "grille-jeudi");
  });

  it("names the conflict when a session is dragged onto an occupied room, and keeps it", async () => {
    const page = await organiserOnProgramme();
    const rempla = block(page, REMPLA);
    // In the middle of the grid: a pointer near its edges would make dnd-kit scroll it.
    await rempla.evaluate((node) => node.scrollIntoView({ block: "center" }));
    const from = await box(rempla);
    const x = from.x + from.width / 2;
    const y = from.y + 24; // the upper part: the bottom edge is the resize handle
    const dx = (await box(roomHeader(page, AMPHI))).x - (await box(roomHeader(page, SALLE_3))).x;

    // dnd-kit starts a drag after 4 px of travel, then follows every pointer move.
    const saved = moveSaved(page);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x - 10, y);
    await page.mouse.move(x + dx, y, { steps: 12 });
    await page.mouse.up();
    await saved;

    await blockSays(page, REMPLA, new RegExp(`${literal(AMPHI)}\\. publiée, en conflit \\(1\\)`));
    expect(await label(rempla)).toMatch(/^14:30–16:00, /);
    expect(await inColumn(page, REMPLA, AMPHI)).toBe(true);
    // A drag is saved at once: the toast says so, names the conflict and offers « Annuler ».
    const notice = page
      .getByRole("status")
      .filter({ hasText: `« ${REMPLA} » déplacée, avec 1 conflit` });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`« ${REMPLA} »`);
    expect(await notice.textContent()).toContain(`« ${EVOLUTION} »`);
    await expectNamedConflict(page, AMPHI, [EVOLUTION, REMPLA]);
    // A drop is not a click: the session form stays closed.
    expect(await page.getByRole("dialog").count()).toBe(0);
    await shootGrid(page, "grille-conflit", REMPLA);

    // The server stored the move and sees the same conflict.
    const stored = await server(page);
    const moved = stored.session(REMPLA);
    expect(moved.roomIds).toEqual([stored.room(AMPHI).id]);
    expect([moved.startsAt, moved.endsAt]).toEqual([
      "2026-01-22T13:30:00.000Z",
      "2026-01-22T15:00:00.000Z",
    ]);
    expect(stored.conflicts).toHaveLength(1);
    expect(stored.conflicts[0]?.kind).toBe("room_double_booked");
    expect(stored.conflicts[0]?.roomId).toBe(stored.room(AMPHI).id);
    expect([...(stored.conflicts[0]?.sessionIds ?? [])].sort()).toEqual(
      [moved.id, stored.session(EVOLUTION).id].sort(),
    );

    // A reload shows what the server has: still in the Amphi, still in conflict.
    await page.reload();
    await blockSays(page, REMPLA, new RegExp(`${literal(AMPHI)}\\. publiée, en conflit \\(1\\)`));
    expect(await inColumn(page, REMPLA, AMPHI)).toBe(true);
    await expectNamedConflict(page, AMPHI, [EVOLUTION, REMPLA]);
    await shootGrid(page, "grille-conflit-recharge", REMPLA);
  });

  it("moves a session with Alt+arrows: room by room into the conflict, 5 minutes, its end", async () => {
    const page = await organiserOnProgramme();
    // A fresh state whatever ran before: "1,2,3 rempla" back in Salle 3, 14:30–16:00.
    const before = await server(page);
    await mutate(page, "session.move", {
      id: before.session(REMPLA).id,
      startsAt: "2026-01-22T13:30:00.000Z",
      endsAt: "2026-01-22T15:00:00.000Z",
      roomIds: [before.room(SALLE_3).id],
    });
    await page.reload();
    await blockSays(page, REMPLA, new RegExp(`${literal(SALLE_3)}\\. publiée\\.$`));
    await conflictList(page).getByText("Aucun conflit : le programme est cohérent.").waitFor();

    const rempla = block(page, REMPLA);
    const press = async (keys: string) => {
      const saved = moveSaved(page);
      await page.keyboard.press(keys);
      await saved;
    };
    await rempla.focus();

    // Alt+← once: Salle 2, where the Varney prize presentation runs.
    await press("Alt+ArrowLeft");
    await blockSays(page, REMPLA, new RegExp(`${literal(SALLE_2)}\\. publiée, en conflit \\(1\\)`));
    await expectNamedConflict(page, SALLE_2, [VARNEY, REMPLA]);
    // Focus follows the moved block, so the next press moves it again.
    expect(await rempla.evaluate((node) => node === document.activeElement)).toBe(true);

    // Alt+← again: the Amphi.
    await press("Alt+ArrowLeft");
    await blockSays(page, REMPLA, new RegExp(`${literal(AMPHI)}\\. publiée, en conflit \\(1\\)`));
    expect(await inColumn(page, REMPLA, AMPHI)).toBe(true);
    await expectNamedConflict(page, AMPHI, [EVOLUTION, REMPLA]);
    await page
      .getByRole("status")
      .filter({ hasText: `« ${EVOLUTION} »` })
      .waitFor();
    await shootGrid(page, "grille-conflit-clavier", REMPLA);

    // Alt+↓ / Alt+↑: 5 minutes later, then back; Alt+Shift+↓ / ↑: the end only.
    await press("Alt+ArrowDown");
    await blockSays(page, REMPLA, /^14:35–16:05, /);
    await press("Alt+ArrowUp");
    await blockSays(page, REMPLA, /^14:30–16:00, /);
    await press("Alt+Shift+ArrowDown");
    await blockSays(page, REMPLA, /^14:30–16:05, /);
    await press("Alt+Shift+ArrowUp");
    await blockSays(page, REMPLA, /^14:30–16:00, /);
    expect(page.url()).toMatch(/\/programme$/); // Alt+← is not "back" here

    await page.reload();
    await blockSays(page, REMPLA, new RegExp(`${literal(AMPHI)}\\. publiée, en conflit \\(1\\)`));
    expect(await label(rempla)).toMatch(/^14:30–16:00, /);
    await expectNamedConflict(page, AMPHI, [EVOLUTION, REMPLA]);
    const stored = await server(page);
    expect(stored.session(REMPLA).roomIds).toEqual([stored.room(AMPHI).id]);
    expect(stored.conflicts.map((c) => c.kind)).toEqual(["room_double_booked"]);
  });

  it("refuses an end before the start, next to the field", async () => {
    const page = await organiserOnProgramme();
    await page.getByRole("button", { name: "Nouvelle session" }).click();
    const form = page.getByRole("dialog", { name: "Nouvelle session" });
    await form.waitFor();
    await form.getByLabel("Titre").fill("Session à l'envers");
    await form.getByLabel("Début", { exact: true }).fill("15:00");
    const end = form.getByLabel("Fin", { exact: true });
    await end.fill("14:00");
    await form.getByRole("checkbox", { name: new RegExp(`^${literal(SALLE_2)}`) }).check();
    await form.getByRole("button", { name: "Enregistrer" }).click();

    await form.getByText("La fin doit être après le début.").waitFor();
    expect(await end.getAttribute("aria-invalid")).toBe("true");
    // The message is the end field's own: described by it, in the same field.
    const description = await end.evaluate((input) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" "),
    );
    expect(description).toBe("La fin doit être après le début.");
    expect(await form.getByLabel("Début", { exact: true }).getAttribute("aria-invalid")).toBe(
      "false",
    );
    // The viewport only: a full-page shot would show the modal's backdrop stopping short.
    await page.screenshot({ path: join(ARTIFACTS, "grille-formulaire-erreur.png") });

    await form.getByRole("button", { name: "Annuler" }).click();
    await form.waitFor({ state: "detached" });
    const stored = await server(page);
    expect(stored.sessions.some((s) => s.title === "Session à l'envers")).toBe(false);
  });

  it("creates a published session through the form; it shows on the grid and the public programme", async () => {
    const title = "Table ronde e2e : soigner les soignants";
    const page = await organiserOnProgramme();
    await page.getByRole("button", { name: "Nouvelle session" }).click();
    const form = page.getByRole("dialog", { name: "Nouvelle session" });
    await form.getByLabel("Type", { exact: true }).selectOption({ label: "Table ronde" });
    await form.getByLabel("Titre").fill(title);
    await form.getByLabel("Jour").selectOption({ label: "jeudi 22 janvier" });
    await form.getByLabel("Début", { exact: true }).fill("16:30");
    await form.getByLabel("Fin", { exact: true }).fill("17:30");
    await form.getByRole("checkbox", { name: new RegExp(`^${literal(SALLE_3)}`) }).check();
    await form.getByRole("checkbox", { name: /^Publiée/ }).check();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByRole("status").filter({ hasText: "Session créée." }).waitFor();
    const created = block(page, title);
    await created.waitFor();
    expect(await label(created)).toBe(`16:30–17:30, Table ronde : ${title}. ${SALLE_3}. publiée.`);
    expect(await inColumn(page, title, SALLE_3)).toBe(true);
    // Below "1,2,3 rempla"'s end (16:00) in the time axis.
    const rempla = await box(block(page, REMPLA));
    expect((await box(created)).y).toBeGreaterThan(rempla.y + rempla.height);
    await shootGrid(page, "grille-session-creee", title);

    const stored = await server(page);
    const session = stored.session(title);
    expect(session).toMatchObject({
      kind: "table_ronde",
      startsAt: "2026-01-22T15:30:00.000Z",
      endsAt: "2026-01-22T16:30:00.000Z",
      roomIds: [stored.room(SALLE_3).id],
      wholeVenue: false,
      published: true,
    });

    // Anyone sees it on the public programme, without logging in.
    const visitor = await tribune.page();
    await visitor.goto("/public/programme");
    const entry = visitor
      .getByRole("region", { name: "Jeudi 22 janvier" })
      .getByRole("article", { name: title });
    await entry.waitFor();
    const text = (await entry.textContent()) ?? "";
    expect(text).toContain("16:30–17:30");
    expect(text).toContain("Table ronde");
    expect(text).toContain(SALLE_3);
    await shoot(visitor, "grille-public");
  });
});
