import { screen } from "@testing-library/react";
import type { Member } from "@tribune/domain/union";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi, uuid } from "../../../testing/api";
import { MemberForm } from "./MemberForm";

const SUBDIVISIONS = [
  { id: uuid(1), slug: "lille", name: "Lille" },
  { id: uuid(2), slug: "nancy", name: "Nancy" },
];
const handlers = { "subdivision.options": () => SUBDIVISIONS };
const noop = () => {};

describe("MemberForm", () => {
  it("shows the domain's French field errors before sending anything", async () => {
    const { user, callsTo } = renderWithApi(
      <MemberForm member={null} fixedSubdivisionId={null} onSaved={noop} onCancel={noop} />,
      { handlers },
    );
    await user.click(await screen.findByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Adresse e-mail invalide.")).toBeTruthy();
    expect(screen.getByText("Choisissez une subdivision.")).toBeTruthy();
    expect(screen.getAllByText("Ce champ est obligatoire.")).toHaveLength(2);
    expect(callsTo("member.create")).toHaveLength(0);
  });

  it("a representative adds to their own subdivision only, the select fixed", async () => {
    let saved: Member | null = null;
    const { user, callsTo } = renderWithApi(
      <MemberForm
        member={null}
        fixedSubdivisionId={uuid(2)}
        onSaved={(m) => {
          saved = m;
        }}
        onCancel={noop}
      />,
      {
        handlers: {
          ...handlers,
          "member.create": (input) => ({
            ...(input as object),
            id: uuid(7),
            synthetic: false,
            createdAt: "2026-11-23T10:00:00.000Z",
            updatedAt: "2026-11-23T10:00:00.000Z",
          }),
        },
      },
    );
    const select = (await screen.findByLabelText("Subdivision")) as HTMLSelectElement;
    await screen.findByRole("option", { name: "Nancy" });
    expect(select.disabled).toBe(true);
    expect(select.value).toBe(uuid(2));
    await user.type(screen.getByLabelText("Prénom"), "Inès");
    await user.type(screen.getByLabelText("Nom"), "Roche");
    await user.type(screen.getByLabelText("Adresse e-mail"), "ines.roche@exemple.fr");
    await user.selectOptions(screen.getByLabelText("Année de DES"), "2e année");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByRole("button", { name: "Enregistrer" });
    expect(callsTo("member.create")[0]?.input).toMatchObject({
      subdivisionId: uuid(2),
      firstName: "Inès",
      yearOfTraining: 2,
      membershipStatus: "active",
    });
    expect(saved).toMatchObject({ id: uuid(7) });
  });

  it("edits a member and puts a duplicate email refusal on the email field", async () => {
    const member: Member = {
      id: uuid(5),
      subdivisionId: uuid(1),
      firstName: "Paul",
      lastName: "Durand",
      email: "paul@exemple.fr",
      yearOfTraining: 3,
      membershipStatus: "pending",
      membershipYear: 2026,
      synthetic: false,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const { user, callsTo } = renderWithApi(
      <MemberForm member={member} fixedSubdivisionId={null} onSaved={noop} onCancel={noop} />,
      {
        handlers: {
          ...handlers,
          "member.update": () => {
            throw new ApiRefusal(
              "already_exists",
              "Un·e adhérent·e utilise déjà cette adresse e-mail.",
            );
          },
        },
      },
    );
    const email = await screen.findByLabelText("Adresse e-mail");
    await user.clear(email);
    await user.type(email, "autre@exemple.fr");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await screen.findByText("Un·e adhérent·e utilise déjà cette adresse e-mail.");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(callsTo("member.update")[0]?.input).toMatchObject({
      id: uuid(5),
      email: "autre@exemple.fr",
      membershipStatus: "pending",
      yearOfTraining: 3,
    });
  });
});
