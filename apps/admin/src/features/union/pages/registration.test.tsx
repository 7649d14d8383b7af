import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiRefusal, EDITION, renderWithApi, uuid } from "../../../testing/api";
import { RegistrationForm } from "../components/RegistrationForm";
import MembersPage from "./MembersPage";

const SUBDIVISIONS = [
  { id: uuid(1), slug: "lille", name: "Lille" },
  { id: uuid(2), slug: "nancy", name: "Nancy" },
];

describe("RegistrationForm", () => {
  it("shows French field errors before sending anything", async () => {
    const { user, callsTo } = renderWithApi(
      <RegistrationForm editionId={EDITION.id} mode="public" onRegistered={() => {}} />,
      { handlers: { "subdivision.options": () => SUBDIVISIONS } },
    );
    await user.click(await screen.findByRole("button", { name: "M'inscrire" }));
    expect(await screen.findByText("Adresse e-mail invalide.")).toBeTruthy();
    expect(screen.getByText("Choisissez votre subdivision.")).toBeTruthy();
    expect(screen.getAllByText("Ce champ est obligatoire.")).toHaveLength(2);
    expect(callsTo("registration.register")).toHaveLength(0);
  });

  it("sends an idempotency key, and puts an already-registered refusal on the email", async () => {
    let registered: unknown = null;
    const { user, callsTo } = renderWithApi(
      <RegistrationForm
        editionId={EDITION.id}
        mode="public"
        onRegistered={(r) => {
          registered = r;
        }}
      />,
      {
        handlers: {
          "subdivision.options": () => SUBDIVISIONS,
          "registration.register": () => {
            throw new ApiRefusal(
              "already_exists",
              "Une inscription existe déjà pour l'adresse lea@exemple.fr (statut : inscrit·e).",
            );
          },
        },
      },
    );
    await user.type(await screen.findByLabelText("Prénom"), "Léa");
    await user.type(screen.getByLabelText("Nom"), "Martin");
    await user.type(screen.getByLabelText("Adresse e-mail"), "lea@exemple.fr");
    await user.selectOptions(screen.getByLabelText("Subdivision"), "Nancy");
    await user.click(screen.getByRole("button", { name: "M'inscrire" }));
    const email = screen.getByLabelText("Adresse e-mail");
    await screen.findByText(/Une inscription existe déjà/);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const [call] = callsTo("registration.register");
    expect(call?.input).toMatchObject({
      subdivisionId: uuid(2),
      email: "lea@exemple.fr",
      meals: true,
      gala: false,
      idempotencyKey: expect.any(String),
    });
    expect(registered).toBeNull();
  });
});

describe("MembersPage import", () => {
  it("shows the dry run's refused rows in a table, then imports the valid ones", async () => {
    const report = {
      rows: 3,
      valid: 1,
      dryRun: true,
      imported: 0,
      errors: [
        {
          line: 3,
          code: "bad_email",
          field: "email",
          message: "Adresse e-mail invalide : « x@@y ».",
        },
        {
          line: 4,
          code: "unknown_subdivision",
          field: "subdivision",
          message: "Subdivision inconnue : « Lyon ».",
        },
      ],
    };
    const { user, callsTo } = renderWithApi(<MembersPage />, {
      handlers: {
        "auth.me": () => ({
          id: uuid(9),
          email: "organiser@tribune.test",
          displayName: "",
          role: "organiser",
          subdivisionId: null,
        }),
        "subdivision.options": () => SUBDIVISIONS,
        "member.list": () => ({ items: [], total: 0 }),
        "member.importCsv": (input) =>
          (input as { dryRun: boolean }).dryRun
            ? report
            : { ...report, dryRun: false, imported: 1 },
      },
    });
    const file = new File(["prenom;nom;email;subdivision;annee\n"], "adherents.csv", {
      type: "text/csv",
    });
    await user.upload(await screen.findByLabelText("Fichier CSV"), file);
    const table = await screen.findByRole("table", { name: "Lignes refusées" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "3E-mailAdresse e-mail invalide : « x@@y ».",
      "4SubdivisionSubdivision inconnue : « Lyon ».",
    ]);
    expect(callsTo("member.importCsv")[0]?.input).toMatchObject({ dryRun: true });
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === "P" &&
          el.textContent === "adherents.csv : 3 lignes, 1 valide, 2 refusées.",
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Importer 1 ligne valide" }));
    expect(
      await screen.findByText("1 adhérent·e importé·e, les lignes refusées ont été ignorées."),
    ).toBeTruthy();
    expect(callsTo("member.importCsv")[1]?.input).toMatchObject({ dryRun: false });
  });

  it("counts a clean file's rows in French: 0 in the singular, 2 in the plural", async () => {
    const report = { rows: 2, valid: 2, dryRun: true, imported: 0, errors: [] };
    const { user } = renderWithApi(<MembersPage />, {
      handlers: {
        "auth.me": () => ({
          id: uuid(9),
          email: "organiser@tribune.test",
          displayName: "",
          role: "organiser",
          subdivisionId: null,
        }),
        "subdivision.options": () => SUBDIVISIONS,
        "member.list": () => ({ items: [], total: 0 }),
        "member.importCsv": (input) =>
          (input as { dryRun: boolean }).dryRun
            ? report
            : { ...report, dryRun: false, imported: 2 },
      },
    });
    const file = new File(["prenom;nom;email;subdivision;annee\n"], "adherents.csv", {
      type: "text/csv",
    });
    await user.upload(await screen.findByLabelText("Fichier CSV"), file);
    const apply = await screen.findByRole("button", { name: "Importer 2 lignes valides" });
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === "P" &&
          el.textContent === "adherents.csv : 2 lignes, 2 valides, 0 refusée.",
      ),
    ).toBeTruthy();
    await user.click(apply);
    expect(await screen.findByText("2 adhérent·es importé·es.")).toBeTruthy();
  });
});
