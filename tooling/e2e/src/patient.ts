import { freshDatabase, startTribune } from "@tribune/cli-kit/testing";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD, launchBrowser } from "./harness";

/**
 * `useTribune()`'s server and browser, with three minutes for the server to answer /healthz
 * instead of 90 s: on a machine shared by several test runs, loading the demo on PGlite has
 * been seen to take longer. Used by the accessibility and phone specs.
 */
export function usePatientTribune() {
  let stop: (() => Promise<void>) | undefined;
  let url = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    const database = await freshDatabase(process.env.TEST_DATABASE_URL);
    const [server, launched] = await Promise.all([
      startTribune({ env: database.env, demoPassword: DEMO_PASSWORD, timeoutMs: 180_000 }),
      launchBrowser(),
    ]).catch(async (error) => {
      await database.drop();
      throw error;
    });
    url = server.url;
    browser = launched;
    stop = async () => {
      await server.stop();
      await database.drop();
    };
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stop?.();
  });
  return {
    async page(options: BrowserContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error("usePatientTribune(): used outside a test");
      const context = await browser.newContext({
        baseURL: url,
        locale: "fr-FR",
        timezoneId: "Europe/Paris",
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
  };
}
