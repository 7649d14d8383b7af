import { attendeeLinkSecret, signAttendeeToken } from "@tribune/api";
import { openTestDatabase } from "@tribune/db/testing";
import { compact, extractPdfText } from "@tribune/press-kit/testing";
import { referenceSubdivision } from "@tribune/reference";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bootstrap, type DemoAccount } from "../bootstrap";
import { PressKitRenderer } from "../press-kit/renderer";
import { logIn, startApp, trpcPost } from "../testing";

const EDITION_2026 = "00000001-0000-4000-8000-00000000001a";

describe("the attendees' PDFs", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof startApp>>;
  let accounts: DemoAccount[];
  let organiser = "";
  const renderer = new PressKitRenderer();

  const cookieOf = (role: DemoAccount["role"]) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no demo ${role}`);
    return logIn(app.url, account.email, account.password);
  };
  const call = async <T>(path: string, input: unknown, cookie = organiser): Promise<T> => {
    const res = await trpcPost(app.url, path, input, { Cookie: cookie });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    ({ demoAccounts: accounts } = await bootstrap(database.db));
    app = await startApp({ database, log: vi.fn(), pressKitRenderer: renderer });
    organiser = await cookieOf("organiser");
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await renderer.close();
    await database.close();
  });

  it("answers a calendar feed only to a valid token: a forged or expired one is told why, in French", async () => {
    const registration = await call<{ id: string; code: string; email: string }>(
      "registration.create",
      {
        editionId: EDITION_2026,
        firstName: "Agathe",
        lastName: "Agenda",
        email: "agathe.agenda@exemple.fr",
        subdivisionId: referenceSubdivision("dijon").id,
      },
    );
    const space = await call<{ calendarToken: string }>(
      "attendee.open",
      { code: registration.code, email: registration.email },
      "",
    );
    const feed = (token: string) =>
      fetch(`${app.url}/api/mon-inscription/agenda.ics?jeton=${encodeURIComponent(token)}`);
    // The 2026 congress is over, but a feed given now lasts 30 days: it never arrives dead.
    const valid = await feed(space.calendarToken);
    expect(valid.status).toBe(200);
    expect(await valid.text()).toContain("BEGIN:VCALENDAR");
    // Signed with the application's key but past its expiry, or not signed by it at all.
    const expired = signAttendeeToken(
      await attendeeLinkSecret(database.db),
      registration.id,
      new Date(Date.now() - 60_000),
    );
    for (const token of [expired, "forged.1.token"]) {
      const res = await feed(token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^Ce lien n'est plus valable\./,
      );
    }
  });

  it("gives an attendee their badge with their space's token, then their certificate once arrived", async () => {
    const registration = await call<{ id: string; code: string; email: string }>(
      "registration.create",
      {
        editionId: EDITION_2026,
        firstName: "Salomé",
        lastName: "Badgeuse",
        email: "salome.badgeuse@exemple.fr",
        subdivisionId: referenceSubdivision("dijon").id,
      },
    );
    const space = await call<{ token: string }>(
      "attendee.open",
      { code: registration.code, email: registration.email },
      "",
    );
    const badge = await fetch(
      `${app.url}/api/mon-inscription/badge.pdf?jeton=${encodeURIComponent(space.token)}`,
    );
    expect(badge.status).toBe(200);
    expect(badge.headers.get("content-type")).toBe("application/pdf");
    const text = compact(
      (await extractPdfText(new Uint8Array(await badge.arrayBuffer()))).pages.join(""),
    );
    expect(text).toContain("Salomé");
    expect(text).toContain(registration.code);

    const early = await fetch(
      `${app.url}/api/mon-inscription/attestation.pdf?jeton=${encodeURIComponent(space.token)}`,
    );
    expect(early.status).toBe(400);
    expect(((await early.json()) as { error: string }).error).toMatch(/une fois votre arrivée/);

    await call("checkIn.byId", { registrationId: registration.id });
    const certificate = await fetch(
      `${app.url}/api/mon-inscription/attestation.pdf?jeton=${encodeURIComponent(space.token)}`,
    );
    expect(certificate.status).toBe(200);
    const certificateText = compact(
      (await extractPdfText(new Uint8Array(await certificate.arrayBuffer()))).pages.join(""),
    );
    expect(certificateText).toContain("ATTESTATIONDEPRÉSENCE");
    expect(certificateText).toContain("SaloméBADGEUSE");
  }, 120_000);

  it("refuses a forged token in French", async () => {
    const res = await fetch(`${app.url}/api/mon-inscription/badge.pdf?jeton=faux`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/Ce lien n'est plus valable/);
  });

  it("prints the organisers' badge sheets and certificates, not for the press", async () => {
    const sheets = await fetch(`${app.url}/api/editions/2026/badges.pdf?format=card`, {
      headers: { Cookie: organiser },
    });
    expect(sheets.status).toBe(200);
    expect(sheets.headers.get("content-disposition")).toContain("badges-2026.pdf");
    const certificates = await fetch(`${app.url}/api/editions/2026/attestations.pdf`, {
      headers: { Cookie: organiser },
    });
    expect(certificates.status).toBe(200);
    const press = await fetch(`${app.url}/api/editions/2026/badges.pdf`, {
      headers: { Cookie: await cookieOf("press") },
    });
    expect(press.status).toBe(403);
    const anonymous = await fetch(`${app.url}/api/editions/2026/attestations.pdf`);
    expect(anonymous.status).toBe(401);
  }, 120_000);
});
