import { screen, within } from "@testing-library/react";
import { motionResult, type VoteChoice } from "@tribune/domain/dossiers";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
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

function renderAs(role: "representative" | "bureau", voted = true) {
  const votes = new Map<string, VoteChoice>(voted ? [[TOULOUSE, "against"]] : []);
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
      "motion.meetings": () => [meeting],
      "motion.update": (input) => ({ ...motion, ...(input as object) }),
      "motion.delete": (input) => input,
      "motion.deleteMeeting": () => {
        throw new ApiRefusal(
          "referenced",
          "Ce Conseil d'Administration porte 1 motion : supprimez-la ou rattachez-la à un autre Conseil d'abord.",
        );
      },
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
      { path: "motion.vote", input: { motionId: motion.id, subdivisionId: LILLE, choice: "for" } },
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

  it("lets the bureau retitle a voted motion, its text and rule locked, and not delete it", async () => {
    const { user, callsTo } = renderAs("bureau");
    await user.click(await screen.findByRole("button", { name: "Modifier la motion" }));
    expect(screen.queryByRole("button", { name: "Supprimer la motion" })).toBeNull();
    const form = screen.getByRole("form", { name: "Modifier la motion" });
    expect(within(form).getByText(/ont déjà voté/)).toBeTruthy();
    expect(within(form).getByRole("combobox", { name: "Règle de vote" })).toHaveProperty(
      "disabled",
      true,
    );
    const title = within(form).getByRole("textbox", { name: "Titre" });
    await user.clear(title);
    await user.type(title, "Motion sur les gardes");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await screen.findByRole("button", { name: "Modifier la motion" });
    expect(callsTo("motion.update")[0]?.input).toEqual({
      id: motion.id,
      title: "Motion sur les gardes",
    });
  });

  it("deletes a motion nobody voted on after confirmation", async () => {
    const { user, callsTo } = renderAs("bureau", false);
    await user.click(await screen.findByRole("button", { name: "Supprimer la motion" }));
    const dialog = screen.getByRole("dialog", { name: /Supprimer la motion/ });
    expect(callsTo("motion.delete")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect(callsTo("motion.delete")[0]?.input).toEqual({ id: motion.id });
  });

  it("says why a meeting that holds motions cannot be deleted", async () => {
    const { user } = renderAs("bureau");
    const meetings = await screen.findByRole("region", { name: "Conseils d'Administration" });
    await user.click(
      await within(meetings).findByRole("button", {
        name: "Supprimer le Conseil de Cahors, date non précisée",
      }),
    );
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect(await within(dialog).findByText(/porte 1 motion : supprimez-la/)).toBeTruthy();
  });
});
