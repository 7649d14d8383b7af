import { openTestDatabase } from "@tribune/db/testing";
import { compact, extractPdfText } from "@tribune/press-kit/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootstrap, type DemoAccount } from "../bootstrap";
import { PressKitRenderer } from "../press-kit/renderer";
import { logIn, startApp } from "../testing";
import { PRESS_KIT_BUSY_MESSAGE, PRESS_KIT_TIMEOUT_MESSAGE } from "./press-kit";

describe("GET /api/editions/:year/press-kit.pdf", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let accounts: DemoAccount[];
  const renderer = new PressKitRenderer();
  const render = vi.spyOn(renderer, "reserve");
  const log = vi.fn();

  const cookieOf = (role: DemoAccount["role"]) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no demo ${role}`);
    return logIn(app.url, account.email, account.password);
  };
  const download = (cookie?: string, year = 2026, url = app.url) =>
    fetch(`${url}/api/editions/${year}/press-kit.pdf`, {
      headers: cookie ? { Cookie: cookie } : {},
    });

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    ({ demoAccounts: accounts } = await bootstrap(database.db));
    app = await startApp({ database, log, pressKitRenderer: renderer });
  });
  afterAll(async () => {
    await app.close();
    await renderer.close();
    await database.close();
  });

  it("answers 401 without a login", async () => {
    const res = await download();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: "Connectez-vous pour télécharger le dossier de presse.",
    });
    expect(render).not.toHaveBeenCalled();
  });

  it("answers 403 to a member", async () => {
    const res = await download(await cookieOf("member"));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: "Votre rôle ne permet pas de télécharger le dossier de presse.",
    });
    expect(render).not.toHaveBeenCalled();
  });

  it("answers 404 for an edition that does not exist", async () => {
    const res = await download(await cookieOf("press"), 2031);
    expect(res.status).toBe(404);
  });

  it("sends the press the PDF as an attachment, rendered in the worker while the server keeps answering", async () => {
    render.mockClear();
    const cookie = await cookieOf("press");
    let finished = false;
    const pending = download(cookie).then(async (res) => {
      finished = true;
      return { res, body: new Uint8Array(await res.arrayBuffer()) };
    });
    // Health checks answered while the PDF is being laid out.
    let answeredDuringRender = 0;
    while (!finished) {
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(200);
      if (!finished) answeredDuringRender += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { res, body } = await pending;

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="dossier-de-presse-2026.pdf"',
    );
    // The render happens in the worker thread: health checks kept being answered meanwhile
    // (on the main thread, none would be). Event-loop delay figures are the bench's job.
    expect(answeredDuringRender).toBeGreaterThan(3);
    expect(render).toHaveBeenCalledTimes(1);

    const text = await extractPdfText(body);
    expect(text.info).toMatchObject({ Author: "ISNAR-IMG", Language: "fr" });
    expect(compact(text.pages[0] ?? "")).toContain(compact("DOSSIER DE PRESSE"));
    expect(compact(text.pages.join(""))).toContain(
      compact("Intelligence artificielle : assistant ou prescripteur ?"),
    );
  });

  it("shows the PDF in the page instead of downloading it when asked for a preview", async () => {
    const res = await fetch(`${app.url}/api/editions/2026/press-kit.pdf?apercu`, {
      headers: { Cookie: await cookieOf("press") },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      'inline; filename="dossier-de-presse-2026.pdf"',
    );
    await res.arrayBuffer();
  });

  it("serves the bureau and the admin as well", async () => {
    for (const role of ["bureau", "admin"] as const) {
      const res = await download(await cookieOf(role));
      expect(res.status, role).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    }
    expect(log).not.toHaveBeenCalled();
  });

  describe("with a slow renderer", () => {
    const STAND_IN = new URL("../press-kit/stand-in-worker.mjs", import.meta.url);
    const slowLog = vi.fn();
    const shared = (value: number) => {
      const cell = new Int32Array(new SharedArrayBuffer(4));
      Atomics.store(cell, 0, value);
      return cell;
    };

    /**
     * `count` simultaneous downloads from the app served with a stand-in renderer, after a first
     * one that warms the worker up and `afterWarmUp()`. `meanwhile(answered)` runs between
     * health checks, one after the other for as long as answers are due. Returns each answer
     * with when it came, and each health check's time with how many answers had come before.
     */
    async function burst(
      renderer: PressKitRenderer,
      count: number,
      { afterWarmUp = () => {}, meanwhile = (_answered: number) => {} } = {},
    ) {
      const served = await startApp({ database, log: slowLog, pressKitRenderer: renderer });
      try {
        const cookie = await cookieOf("press");
        expect((await download(cookie, 2026, served.url)).status).toBe(200);
        slowLog.mockClear();
        afterWarmUp();
        const started = performance.now();
        let answered = 0;
        const answers = Array.from({ length: count }, async () => {
          const res = await download(cookie, 2026, served.url);
          const ms = performance.now() - started;
          const body = res.status === 200 ? Buffer.from(await res.arrayBuffer()) : await res.json();
          answered += 1;
          return { status: res.status, ms, body, retryAfter: res.headers.get("retry-after") };
        });
        const health: { ms: number; answered: number }[] = [];
        while (answered < count) {
          const t = performance.now();
          const before = answered;
          expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
          health.push({ ms: performance.now() - t, answered: before });
          meanwhile(answered);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return { responses: await Promise.all(answers), health };
      } finally {
        await served.close();
        await renderer.close();
      }
    }

    it("takes 1 render + 4 waiting of 20 simultaneous requests, refuses the others at once with 503 busy, and keeps answering /healthz", async () => {
      // Renders are held until the refusals are in and five health checks have been answered
      // (or 20 s have passed): however slowly the requests arrive, the first five keep every place.
      const gate = shared(1);
      const renderer = new PressKitRenderer({
        maxWaiting: 4,
        worker: { url: STAND_IN, data: { delayMs: 100, gate } },
      });
      const deadline = Date.now() + 20_000;
      let checksWhileFull = 0;
      const { responses, health } = await burst(renderer, 20, {
        afterWarmUp: () => Atomics.store(gate, 0, 0),
        meanwhile: (answered) => {
          if (answered >= 15) checksWhileFull += 1;
          if (checksWhileFull >= 5 || Date.now() > deadline) Atomics.store(gate, 0, 1);
        },
      });

      const ok = responses.filter((r) => r.status === 200);
      const busy = responses.filter((r) => r.status === 503);
      expect(ok).toHaveLength(5);
      expect(busy).toHaveLength(15);
      for (const r of ok) expect((r.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
      for (const r of busy) {
        expect(r.body).toEqual({ error: PRESS_KIT_BUSY_MESSAGE, code: "busy" });
        expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      // While every place is taken and renders are under way, health checks answer at once.
      const whileFull = health.filter((h) => h.answered >= 15).map((h) => h.ms);
      expect(whileFull.length).toBeGreaterThan(3);
      expect(Math.max(...whileFull)).toBeLessThan(1000);
      expect(slowLog).not.toHaveBeenCalled();
    });

    it("fails a render that exceeds its timeout alone: its worker is replaced and the ones waiting behind it are served", async () => {
      // After the warm-up, the first render spins until its worker is terminated; the others
      // take 100 ms on a new worker. They waited longer than the timeout, and are served: the
      // timeout counts a render's own time, not its wait.
      const stuck = shared(0);
      const renderer = new PressKitRenderer({
        timeoutMs: 3000,
        worker: { url: STAND_IN, data: { delayMs: 100, stuck } },
      });
      const { responses } = await burst(renderer, 3, {
        afterWarmUp: () => Atomics.store(stuck, 0, 1),
      });

      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 503]);
      const failed = responses.find((r) => r.status === 503);
      expect(failed?.body).toEqual({ error: PRESS_KIT_TIMEOUT_MESSAGE, code: "timeout" });
      expect(Number(failed?.retryAfter)).toBeGreaterThanOrEqual(1);
      const served = responses.filter((r) => r.status === 200);
      expect(Math.min(...served.map((r) => r.ms))).toBeGreaterThan(3000);
      expect(slowLog).toHaveBeenCalledTimes(1);
      expect(slowLog.mock.calls[0]?.[0]).toBe("press-kit.pdf render timed out");
    });
  });
});
