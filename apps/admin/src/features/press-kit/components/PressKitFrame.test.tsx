import { screen, within } from "@testing-library/react";
import { frameTemplate } from "@tribune/domain/press-kit";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import { PressKitFrame } from "./PressKitFrame";

const press = {
  id: uuid(1),
  email: "presse@isnar-img.fr",
  displayName: "",
  role: "press",
  subdivisionId: null,
};
const frame = {
  ...frameTemplate({ organisation: "ISNAR-IMG", congressName: "Congrès des internes" }),
  stored: true,
  updatedAt: null,
  updatedBy: null,
};

describe("PressKitFrame", () => {
  it("edits the frame's contacts and a default heading; says which contact line does not read", async () => {
    const { user, callsTo } = renderWithApi(<PressKitFrame year={2027} readOnly={false} />, {
      handlers: {
        "auth.me": () => press,
        "pressKit.frame": () => frame,
        "pressKit.updateFrame": (input) => ({ ...frame, ...(input as object) }),
      },
    });
    expect(
      await screen.findByText(/ISNAR-IMG · Congrès des internes · aucun contact/),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Modifier le cadre" }));
    const form = screen.getByRole("form", { name: "Modifier le cadre du dossier de presse" });
    const contacts = within(form).getByRole("textbox", { name: "Contacts" });
    await user.click(contacts);
    await user.paste("Camille Martin sans séparateur");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    expect(await within(form).findByText(/Ligne 1 \(« Camille Martin/)).toBeTruthy();
    expect(callsTo("pressKit.updateFrame")).toHaveLength(0);

    await user.clear(contacts);
    await user.click(contacts);
    await user.paste(
      "Camille Martin | Présidente | c@exemple.fr | 06 00 00 00 00\nSite : www.exemple.fr",
    );
    const planning = within(form).getByRole("textbox", { name: "Titre — Planning" });
    await user.clear(planning);
    await user.click(planning);
    await user.paste("Le planning 2027");
    await user.click(within(form).getByRole("button", { name: "Enregistrer" }));
    await screen.findByRole("button", { name: "Modifier le cadre" });
    expect(callsTo("pressKit.updateFrame")[0]?.input).toMatchObject({
      year: 2027,
      organisation: "ISNAR-IMG",
      headings: { planning: { title: "Le planning 2027", kicker: null } },
      contacts: {
        people: [
          {
            name: "Camille Martin",
            role: "Présidente",
            email: "c@exemple.fr",
            phone: "06 00 00 00 00",
          },
        ],
        websites: ["www.exemple.fr"],
        social: [],
      },
    });
  });

  it("shows an archived edition's frame without a way to change it", async () => {
    renderWithApi(<PressKitFrame year={2024} readOnly />, {
      handlers: { "auth.me": () => press, "pressKit.frame": () => frame },
    });
    expect(await screen.findByText(/ISNAR-IMG/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Modifier le cadre" })).toBeNull();
  });
});
