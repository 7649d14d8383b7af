#!/usr/bin/env node
// Programme grid figures in Chromium on a loaded day: the real server on a fresh database and
// the built admin, 200 extra sessions on Friday 23 January across 20 room columns, then
//   - render: navigation → the day's 200th added block drawn (next animation frame), 5 loads;
//   - long tasks (PerformanceObserver "longtask") during those loads;
//   - frame gaps (requestAnimationFrame deltas) while a block is dragged over 30 pointer moves,
//     and right after it is dropped (the optimistic move, then the save).
// Prints figures; it is not a test and never fails a build.
//
//   node tooling/scripts/bench-grid.mjs        (E2E_SKIP_BUILD=1: the admin is already built)
import { loadavg } from "node:os";
import { tsImport } from "tsx/esm/api";

// The browser-test harness (TypeScript) does the server, database, build and Chromium.
const {
  buildAdmin,
  DEMO_PASSWORD,
  demoEmail,
  ensureChromium,
  launchBrowser,
  mutate,
  query,
  startServer,
} = await tsImport("@tribune/e2e/harness", import.meta.url);

const DAY = "2026-01-23";
const SESSIONS = 200;
const COLUMNS = 20;
const LOADS = 5;
const DRAGS = 3;
const MOVES = 30;
const PREFIX = "Banc";

// Windows of Friday that nothing venue-wide holds (welcome, breaks, lunch, plenary slots,
// closing): the added sessions fit in them, so the day stays free of conflicts like a real one.
const FREE = [
  ["09:00", "10:30"],
  ["11:30", "13:00"],
  ["14:30", "16:30"],
  ["18:00", "19:00"],
];
const KINDS = ["atelier", "boite_a_outils", "table_ronde", "conference_partenaire"];
const SLOT = 30;

const toMinutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const label = (minutes) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
/** Paris wall time on the bench day → instant (January: UTC+1). */
const instant = (minutes) => new Date(`${DAY}T${label(minutes)}:00+01:00`).toISOString();
const slots = FREE.flatMap(([from, to]) => {
  const list = [];
  for (let m = toMinutes(from); m + SLOT <= toMinutes(to); m += SLOT) list.push(m);
  return list;
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const gaps = (frames) => frames.slice(1).map((t, i) => t - frames[i]);
const ms = (n) => `${n.toFixed(1)} ms`;

/** Runs in the page before any script: long tasks, and the moment the day's blocks are drawn. */
function instrument({ prefix, target }) {
  const bench = { longTasks: [], domReady: null, drawn: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    bench.longTasks = null; // no Long Tasks API
  }
  const count = () =>
    document.querySelectorAll(`[data-session-id][aria-label*=": ${prefix} "]`).length;
  const observer = new MutationObserver(() => {
    if (bench.domReady !== null || count() < target) return;
    bench.domReady = performance.now();
    observer.disconnect();
    // In the DOM is not on screen: the frame after is.
    requestAnimationFrame(() => {
      bench.drawn = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function main() {
  const started = performance.now();
  ensureChromium();
  buildAdmin();
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();

    // Logged in over tRPC: the context keeps the cookie for the page.
    await mutate(page, "auth.login", { email: demoEmail("organiser"), password: DEMO_PASSWORD });
    const edition = (await query(page, "edition.list")).at(-1);
    const editionId = edition.id;
    const existing = (await query(page, "room.list", { editionId })).filter(
      (r) => r.days.length === 0 || r.days.includes(DAY),
    );
    const added = [];
    for (let i = existing.length; i < COLUMNS; i++) {
      added.push(
        await mutate(page, "room.create", {
          editionId,
          name: `Salle banc ${String(i + 1).padStart(2, "0")}`,
          capacity: 60,
          order: 100 + i,
          days: [DAY],
        }),
      );
    }
    // The seeded rooms' free windows are partly taken: the added sessions go in the new rooms.
    if (added.length * slots.length < SESSIONS) throw new Error("not enough free slots");
    const seeding = performance.now();
    for (let n = 0; n < SESSIONS; n++) {
      const room = added[n % added.length];
      const start = slots[Math.floor(n / added.length)];
      await mutate(page, "session.create", {
        editionId,
        kind: KINDS[n % KINDS.length],
        title: `${PREFIX} ${String(n + 1).padStart(3, "0")} : séance de mesure`,
        startsAt: instant(start),
        endsAt: instant(start + SLOT),
        roomIds: [room.id],
        published: n % 5 !== 0,
      });
    }
    const seedSeconds = (performance.now() - seeding) / 1000;
    const sessions = await query(page, "session.list", { editionId });
    const conflicts = await query(page, "schedule.conflicts", { editionId });
    const ofDay = sessions.filter((s) => s.startsAt.startsWith(DAY));

    await context.addInitScript(instrument, { prefix: PREFIX, target: SESSIONS });
    const url = `/programme?jour=${DAY}`;

    // 1. Loads: navigation → the 200th added block drawn. The first load fills the HTTP cache.
    const loads = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(url);
      await page.waitForFunction(() => window.__bench.drawn !== null, null, { timeout: 60_000 });
      // Let late long tasks (the conflict query's answer, effects) land before reading.
      await page.waitForTimeout(500);
      loads.push(await page.evaluate(() => window.__bench));
    }
    const blocks = await page.locator("[data-session-id]").count();
    const columns = await page.locator(".grid__room").count();
    const renders = loads.map((l) => l.drawn);
    const loadTasks = loads.flatMap((l) => l.longTasks ?? []);

    // 2. Drags: 30 pointer moves, one every ~16 ms, 3 columns across and 45 minutes down.
    const idle = await framesFor(page, async () => page.waitForTimeout(1000));
    const drags = [];
    for (let d = 0; d < DRAGS; d++) {
      const title = `${PREFIX} ${String(1 + d * 3 + 2 * added.length).padStart(3, "0")} `;
      const block = page.locator(`[data-session-id][aria-label*=": ${title}"]`);
      await block.evaluate((node) => node.scrollIntoView({ block: "center", inline: "center" }));
      const box = await block.boundingBox();
      if (!box) throw new Error(`${title}: not visible`);
      const columnWidth = box.width + 4;
      const x = box.x + box.width / 2;
      const y = box.y + 10;
      await page.mouse.move(x, y);
      const drag = await framesFor(page, async () => {
        await page.mouse.down();
        for (let i = 1; i <= MOVES; i++) {
          await page.mouse.move(x + (3 * columnWidth * i) / MOVES, y + (72 * i) / MOVES);
          await page.waitForTimeout(16);
        }
      });
      const saved = page.waitForResponse((r) => r.url().includes("/trpc/session.move"));
      const drop = await framesFor(page, async () => {
        await page.mouse.up();
        await saved;
        await page.waitForTimeout(500); // the refetch of the list and the conflicts
      });
      drags.push({ drag, drop });
    }

    const dragGaps = drags.flatMap((d) => d.drag.gaps);
    const dropGaps = drags.flatMap((d) => d.drop.gaps);
    const dragTasks = drags.flatMap((d) => d.drag.longTasks);
    const dropTasks = drags.flatMap((d) => d.drop.longTasks);
    const longest = (tasks) => (tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0);

    console.log(
      `Grille du programme — banc d'essai (Node ${process.version}, Chromium ${browser.version()}, ${new Date().toISOString()})`,
    );
    console.log(
      `  ${ofDay.length} sessions le ${DAY} (${SESSIONS} ajoutées en ${seedSeconds.toFixed(1)} s), ${columns} colonnes, ${blocks} blocs, ${conflicts.length} conflit(s); 1280×900, GPU désactivé, charge ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")}\n`,
    );
    const row = (what, value, note = "") =>
      console.log(`  ${what.padEnd(56)} ${value.padStart(9)}  ${note}`);
    console.log(`  ${"mesure".padEnd(56)} ${"valeur".padStart(9)}`);
    row(
      `rendu, navigation → 200e bloc dessiné (médiane ${LOADS})`,
      ms(median(renders)),
      `min ${ms(Math.min(...renders))}, max ${ms(Math.max(...renders))}; 1re (cache vide) ${ms(renders[0])}`,
    );
    row(
      "tâche longue la plus longue, chargements",
      loads.some((l) => l.longTasks === null) ? "n/d" : ms(longest(loadTasks)),
      `${loadTasks.length} tâches > 50 ms sur ${LOADS} chargements`,
    );
    row(
      "tâche longue la plus longue, glisser",
      ms(longest(dragTasks)),
      `${dragTasks.length} tâche(s)`,
    );
    row(
      `pire écart entre images, glisser (${DRAGS} × ${MOVES} mouvements)`,
      ms(Math.max(...dragGaps)),
      `${dragGaps.length} images`,
    );
    row(
      "p95 écart entre images, glisser",
      ms(percentile(dragGaps, 95)),
      `médiane ${ms(median(dragGaps))}`,
    );
    row(
      "pire écart entre images, dépôt + enregistrement",
      ms(Math.max(...dropGaps)),
      `p95 ${ms(percentile(dropGaps, 95))}; tâche longue max ${ms(longest(dropTasks))}`,
    );
    row(
      "au repos : écart médian / pire (référence)",
      `${ms(median(idle.gaps))}`,
      `pire ${ms(Math.max(...idle.gaps))}`,
    );
    const when = (phase) =>
      drags
        .map(
          (d, i) =>
            `${i + 1} : ${
              d[phase].longTasks
                .map(
                  (t) => `${Math.round(t.duration)} ms à +${Math.round(t.start - d[phase].since)}`,
                )
                .join(", ") || "aucune"
            }`,
        )
        .join(" ; ");
    console.log("\n  Tâches longues (durée à +ms du début de la phase)");
    console.log(`    glisser (depuis le mousedown) — ${when("drag")}`);
    console.log(`    dépôt (depuis le mouseup)     — ${when("drop")}`);
    console.log(`\n  Total ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** requestAnimationFrame timestamps and long tasks while `action` runs in the page. */
async function framesFor(page, action) {
  await page.evaluate(() => {
    const state = { frames: [], running: true, since: performance.now() };
    window.__frames = state;
    const tick = (t) => {
      state.frames.push(t);
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  const { frames, since } = await page.evaluate(() => {
    window.__frames.running = false;
    return window.__frames;
  });
  const longTasks = await page.evaluate(
    (from) => (window.__bench?.longTasks ?? []).filter((t) => t.start + t.duration >= from),
    since,
  );
  return { gaps: gaps(frames), longTasks, since };
}

await main();
