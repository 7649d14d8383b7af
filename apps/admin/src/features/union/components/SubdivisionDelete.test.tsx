import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import { SubdivisionDelete } from "./SubdivisionDelete";

const REFUSAL =
  "La subdivision « Lille » a un historique (12 fiches adhérent·e) : elle ne peut être supprimée.";

describe("SubdivisionDelete", () => {
  it("asks first, then deletes", async () => {
    const { user, callsTo } = renderWithApi(<SubdivisionDelete id={uuid(3)} name="Nicee" />, {
      handlers: { "subdivision.delete": (input) => input },
    });
    await user.click(screen.getByRole("button", { name: "Supprimer la subdivision" }));
    const dialog = screen.getByRole("dialog", { name: "Supprimer la subdivision « Nicee » ?" });
    expect(callsTo("subdivision.delete")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    await waitFor(() =>
      expect(callsTo("subdivision.delete")).toEqual([
        { path: "subdivision.delete", input: { id: uuid(3) } },
      ]),
    );
  });

  it("shows why a subdivision with history is kept, and offers no retry", async () => {
    const { user } = renderWithApi(<SubdivisionDelete id={uuid(1)} name="Lille" />, {
      handlers: {
        "subdivision.delete": () => {
          throw new ApiRefusal("referenced", REFUSAL);
        },
      },
    });
    await user.click(screen.getByRole("button", { name: "Supprimer la subdivision" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(REFUSAL);
    expect(within(dialog).queryByRole("button", { name: "Supprimer" })).toBeNull();
  });
});
