import { openTestDatabase, testBackends } from "@tribune/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attendeeLink,
  signAttendeeToken,
  verifyAttendeeLink,
  verifyAttendeeToken,
} from "./attendee-link";

const ID = "0b8c6a52-1f1e-4c3e-9a57-2f4d1b1c9e01";
const SECRET = "un-secret-de-test";
const NOW = new Date("2027-01-10T08:00:00Z");
const LATER = new Date("2027-03-01T00:00:00Z");

describe("the attendee's link", () => {
  it("opens the registration it names until it expires", () => {
    const token = signAttendeeToken(SECRET, ID, LATER);
    expect(verifyAttendeeToken(SECRET, token, NOW)).toEqual({
      registrationId: ID,
      expiresAt: LATER,
    });
    expect(verifyAttendeeToken(SECRET, token, LATER)).toBeNull();
  });

  it("refuses a token changed by hand, signed with another key, or malformed", () => {
    const token = signAttendeeToken(SECRET, ID, LATER);
    const otherId = token.replace(ID, "0b8c6a52-1f1e-4c3e-9a57-2f4d1b1c9e02");
    const longer = token.replace(/\.(\d+)\./, (_, s) => `.${Number(s) + 86_400}.`);
    expect(verifyAttendeeToken(SECRET, otherId, NOW)).toBeNull();
    expect(verifyAttendeeToken(SECRET, longer, NOW)).toBeNull();
    expect(verifyAttendeeToken("une-autre-cle", token, NOW)).toBeNull();
    expect(verifyAttendeeToken(SECRET, "K7QM-3XPA", NOW)).toBeNull();
  });
});

describe.each(testBackends())("the link's key on %s", (backend) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  it("is made once and kept in the database: a link made earlier still opens", async () => {
    const { url } = await attendeeLink(database.db, "https://tribune.example/", ID, LATER);
    expect(url).toMatch(/^https:\/\/tribune\.example\/public\/mon-inscription\?jeton=/);
    const token = new URL(url).searchParams.get("jeton") as string;
    expect(await verifyAttendeeLink(database.db, token, NOW)).toMatchObject({ registrationId: ID });
    const again = await attendeeLink(database.db, "https://tribune.example", ID, LATER);
    expect(again.url).toBe(url);
  });
});
