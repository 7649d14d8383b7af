import { screen, within } from "@testing-library/react";
import { motionResult, type VoteChoice } from "@tribune/domain";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../catalog/testing";
import MotionsPage from "./MotionsPage";

const LILLE = uuid(11);
const TOULOUSE = uuid(12);
const meeting = { id: uuid(2), date: null, city: "Cahors", hostSubdivisionId: TOULOUSE, note: "" };
const motion = {
  id: uuid(3),
  meetingId: meeting.id,
  dossierId: null,
  title: "Motion de démonstration",
  text: "Texte synthétique.",
  rule: "simple" as const,
  synthetic: true,
};

function renderAs(role: "representative" | "bureau") {
  const votes = new Map<string, VoteChoice>([[TOULOUSE, "contre"]]);
  const detail = () => ({
    ...motion,
    meeting,
    result: motionResult(
      motion,
      [...votes.values()].map((choice) => ({ choice })),
    ),
    votes: [
      { subdivisionId: LILLE, subdivisionName: "Lille", choice: votes.get(LILLE) ?? null },
      { subdivisionId: TOULOUSE, subdivisionName: "Toulouse", choice: votes.get(TOULOUSE) ?? null },
    ],
  });
  return renderWithApi(<MotionsPage />, {
    route: `/motions?motion=${motion.id}`,
    handlers: {
      "auth.me": () => ({
        id: uuid(1),
        email: "rep@lille.fr",
        displayName: "",
        role,
        subdivisionId: role === "representative" ? LILLE : null,
      }),
      "motion.list": () => [{ ...motion, meeting, result: detail().result }],
      "motion.get": detail,
      "motion.vote": (input) => {
        const { subdivisionId, choice } = input as { subdivisionId: string; choice: VoteChoice };
        votes.set(subdivisionId, choice);
        return detail();
      },
    },
  });
}

describe("MotionsPage", () => {
  it("lets a representative set their own subdivision's vote only, and shows the result", async () => {
    const { user, callsTo } = renderAs("representative");
    const grid = await screen.findByRole("table", { name: "Vote par subdivision" });
    const toulouse = within(grid).getByRole("row", { name: /Toulouse/ });
    expect(within(toulouse).queryByRole("combobox")).toBeNull();
    expect(within(toulouse).getByText("Contre")).toBeTruthy();
    await user.selectOptions(within(grid).getByRole("combobox", { name: "Vote de Lille" }), "Pour");
    expect(callsTo("motion.vote")).toEqual([
      { path: "motion.vote", input: { motionId: motion.id, subdivisionId: LILLE, choice: "pour" } },
    ]);
    expect(await screen.findByText("Vote de Lille enregistré : Pour.")).toBeTruthy();
    expect(
      await screen.findByText(
        /^Motion rejetée : 1 voix pour et 1 voix contre sur 2 suffrages exprimés \(égalité/,
      ),
    ).toBeTruthy();
  });

  it("shows the bureau the grid read-only, with the meeting's missing date said plainly", async () => {
    renderAs("bureau");
    const grid = await screen.findByRole("table", { name: "Vote par subdivision" });
    expect(within(grid).queryAllByRole("combobox")).toHaveLength(0);
    expect(screen.getAllByText(/Cahors, date non précisée/).length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "Nouvelle motion" })).toBeTruthy();
  });
});
