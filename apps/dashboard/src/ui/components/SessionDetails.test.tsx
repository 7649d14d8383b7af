import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { sampleData } from "../../test-fixtures";
import { SessionDetails } from "./SessionDetails";

describe("SessionDetails", () => {
  it("shows what, when, where and the conflicts of a session", () => {
    const data = sampleData();
    const found = data.sessions.find((s) => s.title.startsWith("Plénière d'ouverture"));
    if (!found) throw new Error("fixture");
    const session = { ...found, speakerIds: [data.speakers[0]?.id ?? ""] };
    const frame =
      render(
        <SessionDetails
          session={session}
          rooms={data.rooms}
          speakers={data.speakers}
          conflicts={["La salle accueille deux sessions."]}
          timeZone="Europe/Paris"
          width={80}
          height={20}
        />,
      ).lastFrame() ?? "";
    expect(frame).toContain("Plénière d'ouverture");
    expect(frame).toContain("Plénière · 22/01/2026 09:00–10:00");
    expect(frame).toContain("Avec Camille Martin (ISNAR-IMG)");
    expect(frame).toContain("! La salle accueille deux sessions.");
  });
});
