import { describe, expect, it } from "vitest";
import { attendeeLinkExpiry } from "./registration-mail";

describe("how long a message's link opens the attendee's space", () => {
  const edition = { lastDay: "2027-01-22" };

  it("lasts until 60 days after the congress for a message sent before it", () => {
    expect(attendeeLinkExpiry(edition, new Date("2026-11-02T10:00:00Z")).toISOString()).toBe(
      "2027-03-23T23:59:59.000Z",
    );
  });

  it("never arrives dead: a message sent after the congress opens the space for 30 days", () => {
    const sent = new Date("2027-06-01T10:00:00Z");
    expect(attendeeLinkExpiry(edition, sent).toISOString()).toBe("2027-07-01T10:00:00.000Z");
  });
});
