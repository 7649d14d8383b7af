import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import MailPage from "./MailPage";

const entry = (n: number, status: string, lastError: string | null = null) => ({
  id: uuid(n),
  key: `registration-confirmed:${n}`,
  kind: "registration_confirmed",
  recipient: `personne${n}@exemple.fr`,
  subject: "27e congrès de l'ISNAR-IMG : votre inscription est confirmée",
  status,
  attempts: status === "dead" ? 8 : 1,
  nextAttemptAt: "2027-01-10T08:00:00.000Z",
  lastError,
  createdAt: "2027-01-10T08:00:00.000Z",
  sentAt: status === "sent" ? "2027-01-10T08:00:05.000Z" : null,
});

describe("MailPage", () => {
  it("lists the messages by status and sends a dead one again", async () => {
    const { user, callsTo } = renderWithApi(<MailPage />, {
      route: "/courriels?statut=dead",
      handlers: {
        "mail.list": () => ({
          items: [entry(2, "dead", "550 No such user")],
          total: 1,
          counts: { pending: 0, sending: 0, sent: 1, dead: 1 },
        }),
        "mail.resend": () => ({ ok: true }),
      },
    });
    const row = (await screen.findByText("personne2@exemple.fr")).closest("tr") as HTMLElement;
    expect(within(row).getByText("Abandonné")).toBeTruthy();
    expect(within(row).getByText("550 No such user")).toBeTruthy();
    expect(
      screen.getByText("1 envoyé · 0 en attente · 0 en cours d'envoi · 1 abandonné"),
    ).toBeTruthy();
    expect(callsTo("mail.list")[0]?.input).toMatchObject({ status: "dead" });
    await user.click(within(row).getByRole("button", { name: /^Renvoyer le courriel/ }));
    await screen.findByText("Le courriel repart : il sera envoyé dans quelques secondes.");
    expect(callsTo("mail.resend")[0]?.input).toEqual({ id: uuid(2) });
  });
});

describe("MailPage when nothing is listed", () => {
  it("says no message has the chosen status, and shows every status again", async () => {
    const { user, callsTo } = renderWithApi(<MailPage />, {
      route: "/courriels?statut=dead",
      handlers: {
        "mail.list": (input) =>
          (input as { status?: string }).status
            ? { items: [], total: 0, counts: { pending: 0, sending: 0, sent: 1, dead: 0 } }
            : {
                items: [entry(3, "sent")],
                total: 1,
                counts: { pending: 0, sending: 0, sent: 1, dead: 0 },
              },
      },
    });
    expect(await screen.findByText("Aucun courriel avec le statut « abandonné ».")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Voir tous les statuts" }));
    expect(await screen.findByText("personne3@exemple.fr")).toBeTruthy();
    expect(callsTo("mail.list").at(-1)?.input).not.toHaveProperty("status");
  });
});
