import { screen, within } from "@testing-library/react";
import type { Role } from "@tribune/domain/auth";
import type { SubdivisionSummary } from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { ApiRefusal, EDITION_VIEW, renderWithApi, uuid } from "../../../testing/api";
import SubdivisionsPage from "./SubdivisionsPage";

const summary = (n: number, name: string, slug: string): SubdivisionSummary => ({
  id: uuid(n),
  slug,
  name,
  unionName: "",
  university: "",
  contactEmail: "",
  declaredMembers: 200,
  aliases: [],
  members: 0,
  representatives: 0,
});

/** A fake API holding the list, so that a created subdivision is listed on the next fetch. */
function api(role: Role, create?: (input: unknown) => unknown) {
  const list = [summary(1, "Lille", "lille"), summary(2, "Nancy", "nancy")];
  return {
    "auth.me": () => ({
      id: uuid(9),
      email: `${role}@tribune.test`,
      displayName: "",
      role,
      subdivisionId: role === "representative" ? uuid(1) : null,
    }),
    "edition.current": () => EDITION_VIEW,
    "registration.counts": () => ({ bySubdivision: [] }),
    "subdivision.list": () => list,
    "subdivision.create":
      create ??
      ((input: unknown) => {
        const created = { ...summary(3, "", ""), ...(input as object) };
        list.push(created);
        return created;
      }),
  };
}

const openForm = async (user: ReturnType<typeof renderWithApi>["user"]) => {
  await user.click(await screen.findByRole("button", { name: "Nouvelle subdivision" }));
  return screen.getByRole("region", { name: "Nouvelle subdivision" });
};

describe("SubdivisionsPage", () => {
  it("an organiser adds Montpellier-Nîmes: sent with its derived slug, then listed", async () => {
    const { user, callsTo } = renderWithApi(<SubdivisionsPage />, { handlers: api("organiser") });
    const form = await openForm(user);

    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await within(form).findByText("Le nom est obligatoire.")).toBeTruthy();
    expect(callsTo("subdivision.create")).toHaveLength(0);

    await user.type(within(form).getByLabelText("Nom (ville ou région)"), "Montpellier-Nîmes");
    expect(within(form).getByText(/tiré du nom \(« montpellier-nimes »\)/)).toBeTruthy();
    await user.type(within(form).getByLabelText("Adhérent·es déclaré·es"), "310");
    await user.type(within(form).getByLabelText("Autres noms"), "montpellier, nimes");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));

    expect(
      await screen.findByText(
        "Montpellier-Nîmes ajoutée : elle figure sur le formulaire d'inscription.",
      ),
    ).toBeTruthy();
    expect(callsTo("subdivision.create")[0]?.input).toMatchObject({
      name: "Montpellier-Nîmes",
      slug: "montpellier-nimes",
      declaredMembers: 310,
      aliases: ["montpellier", "nimes"],
    });
    expect(await screen.findByRole("rowheader", { name: "Montpellier-Nîmes" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Nouvelle subdivision" })).toBeNull();
  });

  it("puts the server's duplicate refusal on the name", async () => {
    const { user } = renderWithApi(<SubdivisionsPage />, {
      handlers: api("admin", () => {
        throw new ApiRefusal(
          "already_exists",
          "La subdivision « Lille » existe déjà (identifiant « lille »).",
        );
      }),
    });
    const form = await openForm(user);
    await user.type(within(form).getByLabelText("Nom (ville ou région)"), "lille");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    const name = within(form).getByLabelText("Nom (ville ou région)");
    expect(
      await within(form).findByText(
        "La subdivision « Lille » existe déjà (identifiant « lille »).",
      ),
    ).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
  });

  it("offers no creation to a representative", async () => {
    renderWithApi(<SubdivisionsPage />, { handlers: api("representative") });
    // Their own subdivision becomes a link once their account is known.
    expect(await screen.findByRole("link", { name: "Lille" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nouvelle subdivision" })).toBeNull();
  });
});
