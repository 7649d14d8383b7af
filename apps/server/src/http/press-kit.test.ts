import { openTestDatabase } from "@tribune/db/testing";
import { compact, extractPdfText } from "@tribune/press-kit/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootstrap, type DemoAccount } from "../bootstrap";
import { PressKitRenderer } from "../press-kit/renderer";
import { logIn, startApp } from "../testing";

describe("GET /api/editions/:year/press-kit.pdf", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let accounts: DemoAccount[];
  const renderer = new PressKitRenderer();
  const render = vi.spyOn(renderer, "render");
  const log = vi.fn();

  const cookieOf = (role: DemoAccount["role"]) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no demo ${role}`);
    return logIn(app.url, account.email, account.password);
  };
  const download = (cookie?: string, year = 2026) =>
    fetch(`${app.url}/api/editions/${year}/press-kit.pdf`, {
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
});
