import { act, screen, waitFor } from "@testing-library/react";
import type { InvitationCampaign, InvitationOverview } from "@tribune/domain/surveys";
import { referenceSurveys2026 } from "@tribune/reference";
import { Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ApiRefusal, renderWithApi } from "../../../testing/api";
import SurveyInvitationsPage from "./SurveyInvitationsPage";

// The fake API answers over HTTP only: the live stream is driven by the test through onData.
const live = vi.hoisted(() => ({ onData: null as ((data: unknown) => void) | null }));
vi.mock("@trpc/tanstack-react-query", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@trpc/tanstack-react-query")>()),
  useSubscription: (options: { onData?: (data: unknown) => void }) => {
    live.onData = options.onData ?? null;
    return undefined;
  },
}));

const survey = referenceSurveys2026()[0]?.survey;
if (!survey) throw new Error("no reference survey");

const campaign = (over: Partial<InvitationCampaign>): InvitationCampaign => ({
  id: "7a0c2b9e-3f41-4d2a-9c55-0e1f2a3b4c5d",
  surveyId: survey.id,
  status: "running",
  ratePerMinute: 600,
  total: 3,
  sent: 0,
  bounced: 0,
  failed: 0,
  skipped: 0,
  startedAt: "2026-01-20T09:00:00.000Z",
  updatedAt: "2026-01-20T09:00:00.000Z",
  finishedAt: null,
  ...over,
});

function renderPage(handlers: Record<string, (input: unknown) => unknown>) {
  return renderWithApi(
    <Routes>
      <Route path="/enquetes/:id/invitations" element={<SurveyInvitationsPage />} />
    </Routes>,
    {
      route: `/enquetes/${survey?.id}/invitations`,
      handlers: {
        "survey.get": () => survey,
        "subdivision.options": () => [
          { id: "2b7c9d1e-0000-4000-8000-000000000001", slug: "dijon", name: "Dijon" },
          { id: "2b7c9d1e-0000-4000-8000-000000000002", slug: "lille", name: "Lille" },
        ],
        ...handlers,
      },
    },
  );
}

describe("SurveyInvitationsPage", () => {
  it("names a bad line before sending, then starts and follows the progress live", async () => {
    let overview: InvitationOverview = { campaign: null, invited: 0, canSend: true };
    const { user, callsTo } = renderPage({
      "survey.invitations.get": () => overview,
      "survey.invitations.start": () => {
        overview = { ...overview, campaign: campaign({}) };
        return { ...overview.campaign, membersLeftOut: {} };
      },
    });
    const addresses = await screen.findByLabelText("Adresses");
    expect(screen.getByText("0 adresse déjà invitée à cette enquête.")).toBeTruthy();
    await user.click(addresses);
    await user.paste("a@exemple.fr\nnon-adresse");
    await user.click(screen.getByRole("button", { name: "Envoyer les invitations" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Une adresse invalide : ligne 2 « non-adresse ». Corrigez la liste : aucune invitation n'est partie.",
    );
    expect(callsTo("survey.invitations.start")).toHaveLength(0);

    await user.clear(addresses);
    await user.paste("a@exemple.fr\nb@exemple.fr\nA@exemple.fr\nc@exemple.fr");
    expect(screen.getByText("3 adresses, 1 doublon ignoré.")).toBeTruthy();
    await user.clear(addresses);
    await user.paste("a@exemple.fr\nA@exemple.fr\nb@exemple.fr\nB@exemple.fr");
    expect(screen.getByText("2 adresses, 2 doublons ignorés.")).toBeTruthy();
    await user.clear(addresses);
    await user.paste("a@exemple.fr\nb@exemple.fr\nA@exemple.fr\nc@exemple.fr");
    const rate = screen.getByLabelText("Débit (messages par minute)");
    await user.clear(rate);
    await user.type(rate, "120");
    await user.click(screen.getByRole("button", { name: "Envoyer les invitations" }));
    const bar = await screen.findByRole("progressbar", { name: "Progression de l'envoi" });
    expect(callsTo("survey.invitations.start")[0]?.input).toEqual({
      id: survey?.id,
      rate: 120,
      source: { kind: "list", text: "a@exemple.fr\nb@exemple.fr\nA@exemple.fr\nc@exemple.fr" },
    });
    expect(bar.getAttribute("value")).toBe("0");
    expect(screen.getByText("Envoi en cours", { exact: false })).toBeTruthy();

    // A batch was sent: the server's live stream brings the new counts (as a reload would).
    const push = (next: InvitationOverview) => {
      overview = next;
      act(() => live.onData?.(next));
    };
    push({ campaign: campaign({ sent: 2, bounced: 1 }), invited: 2, canSend: true });
    await waitFor(() =>
      expect(
        screen.getByRole("progressbar", { name: "Progression de l'envoi" }).getAttribute("value"),
      ).toBe("3"),
    );
    expect(screen.getByText("2 / 3 envoyées (100 %) · 1 refusée")).toBeTruthy();
    push({
      campaign: campaign({ sent: 2, bounced: 1, status: "finished" }),
      invited: 2,
      canSend: true,
    });
    expect(await screen.findByText("Terminé", { exact: false })).toBeTruthy();
    expect(screen.getByText("2 adresses déjà invitées à cette enquête.")).toBeTruthy();
  });

  it("says how many members were left out of the invitations, and why", async () => {
    let overview: InvitationOverview = { campaign: null, invited: 0, canSend: true };
    const { user } = renderPage({
      "survey.invitations.get": () => overview,
      "survey.invitations.start": () => {
        overview = { ...overview, campaign: campaign({ total: 40 }) };
        return { ...overview.campaign, membersLeftOut: { lapsed: 3 } };
      },
    });
    await user.click(await screen.findByLabelText("Les adhérent·es de subdivisions"));
    await user.click(screen.getByLabelText("Lille"));
    await user.click(screen.getByRole("button", { name: "Envoyer les invitations" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "3 adhérent·es non invité·es : adhésion échue (3). Seul·es les adhérent·es à jour de cotisation ou en attente d'adhésion sont invité·es.",
    );
  });

  it("sends to the members of the chosen subdivisions, and shows the server's refusal", async () => {
    const { user, callsTo } = renderPage({
      "survey.invitations.get": () => ({
        campaign: campaign({ status: "paused", total: 10, sent: 4 }),
        invited: 4,
        canSend: true,
      }),
      "survey.invitations.start": () => {
        throw new ApiRefusal(
          "invalid",
          "Ouvrez l'enquête avant d'envoyer les invitations : leurs liens n'y mèneraient pas.",
        );
      },
    });
    expect(
      await screen.findByText("Pour reprendre, envoyez à nouveau", { exact: false }),
    ).toBeTruthy();
    await user.click(screen.getByLabelText("Les adhérent·es de subdivisions"));
    await user.click(screen.getByRole("button", { name: "Envoyer les invitations" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Choisissez au moins une subdivision.",
    );
    await user.click(screen.getByLabelText("Lille"));
    await user.click(screen.getByRole("button", { name: "Envoyer les invitations" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Ouvrez l'enquête avant d'envoyer les invitations : leurs liens n'y mèneraient pas.",
    );
    expect(callsTo("survey.invitations.start")[0]?.input).toEqual({
      id: survey?.id,
      rate: 600,
      source: { kind: "subdivisions", subdivisionIds: ["2b7c9d1e-0000-4000-8000-000000000002"] },
    });
  });

  it("pauses a running campaign, and offers no second start meanwhile", async () => {
    let overview: InvitationOverview = {
      campaign: campaign({ total: 10, sent: 5 }),
      invited: 5,
      canSend: true,
    };
    const { user, callsTo } = renderPage({
      "survey.invitations.get": () => overview,
      "survey.invitations.pause": () => {
        overview = { ...overview, campaign: campaign({ total: 10, sent: 5, status: "paused" }) };
        return overview.campaign;
      },
    });
    expect(await screen.findByRole("button", { name: "Envoyer les invitations" })).toHaveProperty(
      "disabled",
      true,
    );
    await user.click(screen.getByRole("button", { name: "Mettre en pause" }));
    expect(await screen.findByText("En pause", { exact: false })).toBeTruthy();
    expect(callsTo("survey.invitations.pause")[0]?.input).toEqual({ id: survey?.id });
    expect(screen.queryByRole("button", { name: "Mettre en pause" })).toBeNull();
  });

  it("says when the server cannot send, and offers no way to start", async () => {
    renderPage({
      "survey.invitations.get": () => ({ campaign: null, invited: 0, canSend: false }),
    });
    expect(
      await screen.findByText("Ce serveur n'envoie pas de courriel par SMTP", { exact: false }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Envoyer les invitations" })).toHaveProperty(
      "disabled",
      true,
    );
  });
});
