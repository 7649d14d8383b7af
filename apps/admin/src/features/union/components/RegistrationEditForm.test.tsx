import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiRefusal, registration, renderWithApi, uuid } from "../../../testing/api";
import { RegistrationEditForm } from "./RegistrationEditForm";

// The address has a typo the organiser corrects.
const lea = registration({ editionId: uuid(8), email: "lea@exemlpe.fr" });
const subdivisions = () => [{ id: uuid(1), name: "Lille" }];

describe("RegistrationEditForm", () => {
  it("corrects the address and the meals, keeping the registration", async () => {
    const onSaved = vi.fn();
    const { user, callsTo } = renderWithApi(
      <RegistrationEditForm registration={lea} onSaved={onSaved} onClose={() => {}} />,
      {
        handlers: {
          "subdivision.options": subdivisions,
          "registration.update": (input) => ({ ...lea, ...(input as object) }),
        },
      },
    );
    await screen.findByRole("option", { name: "Lille" });
    const email = screen.getByLabelText("Adresse e-mail");
    await user.clear(email);
    await user.type(email, "lea@exemple.fr");
    await user.click(screen.getByRole("checkbox", { name: "Repas du midi" }));
    await user.click(screen.getByRole("button", { name: "Enregistrer la correction" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(callsTo("registration.update")[0]?.input).toMatchObject({
      id: lea.id,
      email: "lea@exemple.fr",
      meals: false,
      yearOfTraining: null,
    });
  });

  it("puts an address used by another registration on the e-mail field", async () => {
    const { user } = renderWithApi(
      <RegistrationEditForm registration={lea} onSaved={() => {}} onClose={() => {}} />,
      {
        handlers: {
          "subdivision.options": subdivisions,
          "registration.update": () => {
            throw new ApiRefusal("already_exists", "Adresse déjà utilisée.", {
              email: ["Adresse déjà utilisée par une autre inscription."],
            });
          },
        },
      },
    );
    await screen.findByRole("option", { name: "Lille" });
    await user.click(screen.getByRole("button", { name: "Enregistrer la correction" }));
    expect(
      await screen.findByText("Adresse déjà utilisée par une autre inscription."),
    ).toBeTruthy();
  });
});
