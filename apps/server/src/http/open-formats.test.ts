import { seedReferenceEdition } from "@tribune/db/seed";
import { type Backend, openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PressKitRenderer } from "../press-kit/renderer";
import { startApp } from "../testing";

/** The open formats of issue 16 as a calendar, an app or a browser fetches them, no login. */
describe.each(testBackends())(
  "programme.ics, schedule.json/.xml, programme.pdf on %s",
  (backend: Backend) => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let app: Awaited<ReturnType<typeof startApp>>;
    const renderer = new PressKitRenderer();

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      await seedReferenceEdition(database.db);
      app = await startApp({
        database,
        publicUrl: "https://tribune.example.org",
        pressKitRenderer: renderer,
      });
    }, 120_000);
    afterAll(async () => {
      await app.close();
      await renderer.close();
      await database.close();
    });

    const get = (file: string, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/editions/2026/${file}`, { headers });

    it("serves the calendar with its type, links on the public address, and a 304 when unchanged", async () => {
      const res = await get("programme.ics");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const ics = await res.text();
      expect(ics).toMatch(/^BEGIN:VCALENDAR/);
      expect(ics).toContain("TZID=Europe/Paris");
      expect(ics).toContain(
        "URL;VALUE=URI:https://tribune.example.org/public/programme?edition=2026",
      );
      const etag = res.headers.get("etag") ?? "";
      expect((await get("programme.ics", { "If-None-Match": etag })).status).toBe(304);
    });

    it("serves schedule.json and schedule.xml to the apps", async () => {
      const json = await get("schedule.json");
      expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const schedule = (await json.json()) as { schedule: { conference: { acronym: string } } };
      expect(schedule.schedule.conference.acronym).toBe("congres2026");
      const xml = await get("schedule.xml");
      expect(xml.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      expect(await xml.text()).toContain("<acronym>congres2026</acronym>");
    });

    it("prints the programme as a PDF in the press kit's worker", async () => {
      const res = await get("programme.pdf");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    }, 120_000);

    it("serves the published key figures as open data, JSON and CSV", async () => {
      const json = await get("figures.json");
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({ edition: 2026, figures: expect.any(Array) });
      const csv = await get("figures.csv");
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toContain("chiffres-cles-2026.csv");
      expect(await csv.text()).toContain("identifiant;valeur;phrase;statistique;enquête");
    });

    it("answers 404 for a year without a congress", async () => {
      const res = await fetch(`${app.url}/api/editions/2031/programme.ics`);
      expect(res.status).toBe(404);
    });
  },
);
