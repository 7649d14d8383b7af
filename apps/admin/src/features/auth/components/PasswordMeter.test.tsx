import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../../../testing/api";
import NewPasswordPage from "../pages/NewPasswordPage";

describe("PasswordMeter on the new-password page", () => {
  it("asks the server once typing pauses and shows its verdict", async () => {
    const { user, callsTo } = renderWithApi(<NewPasswordPage purpose="invitation" />, {
      route: `/connexion/invitation?jeton=${"a".repeat(43)}`,
      handlers: {
        "auth.passwordStrength": (input) =>
          (input as { password: string }).password.length < 20
            ? { score: 1, acceptable: false, advice: "C'est un mot courant." }
            : { score: 4, acceptable: true, advice: null },
      },
    });
    const field = await screen.findByLabelText("Mot de passe");
    await user.type(field, "soleil2026!");
    expect(await screen.findByText("Faible — C'est un mot courant.")).toBeTruthy();
    // Typed in one go: one question, not one per key.
    expect(callsTo("auth.passwordStrength")).toHaveLength(1);
    expect(screen.getByRole("meter", { name: "Solidité du mot de passe" })).toHaveProperty(
      "value",
      1,
    );

    await user.type(field, " cheval agrafe");
    expect(await screen.findByText("Très solide — accepté")).toBeTruthy();
    // Nothing typed: nothing said.
    await user.clear(field);
    await expect(screen.findByRole("meter")).rejects.toThrow();
  });
});
