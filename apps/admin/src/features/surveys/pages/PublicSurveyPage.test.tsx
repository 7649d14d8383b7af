import { screen } from "@testing-library/react";
import { publicSurvey } from "@tribune/domain/surveys";
import { referenceSurveys2026 } from "@tribune/reference";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { ApiRefusal, renderWithApi } from "../../../testing/api";
import PublicSurveyPage from "./PublicSurveyPage";

const reference = referenceSurveys2026()[2]?.survey;
if (!reference) throw new Error("no reference survey");
const asPublished = publicSurvey({ ...reference, status: "open" });
/**
 * Every question optional: the page checks a response with the domain's rule before sending,
 * so these tests answer one question and let the (fake) server decide.
 */
const form = {
  ...asPublished,
  questions: asPublished.questions.map((q) => ({ ...q, required: false })),
};

function renderPage(
  respond: (input: unknown) => unknown,
  query = "?jeton=abc",
  survey: typeof form = form,
) {
  return renderWithApi(
    <Routes>
      <Route path="/public/enquete/:slug" element={<PublicSurveyPage />} />
    </Routes>,
    {
      route: `/public/enquete/dixieme-annee-mg${query}`,
      handlers: { "survey.form": () => survey, "survey.respond": respond },
    },
  );
}

describe("PublicSurveyPage", () => {
  it("shows the server's message under each question at fault, and keeps the draft locally", async () => {
    localStorage.clear();
    const { user } = renderPage(() => {
      throw new ApiRefusal(
        "invalid",
        "La réponse comporte des erreurs : rien n'a été enregistré.",
        {
          ambulatoire: ["Cette question est obligatoire."],
        },
      );
    });
    await user.click(await screen.findByLabelText("Une part de rétrocession à l'acte"));
    expect(localStorage.getItem("tribune:enquete:dixieme-annee-mg")).toContain("retrocession");
    await user.click(screen.getByRole("button", { name: "Envoyer mes réponses" }));
    expect(await screen.findByText("Cette question est obligatoire.")).toBeTruthy();
  });

  it("says what is missing before sending anything, and focuses the first question at fault", async () => {
    localStorage.clear();
    const calls: unknown[] = [];
    const { user } = renderPage(
      (input) => {
        calls.push(input);
        return { ok: true };
      },
      "?jeton=abc",
      asPublished,
    );
    const required = asPublished.questions.filter((q) => q.required).length;
    await user.click(await screen.findByLabelText("Une part de rétrocession à l'acte"));
    await user.click(screen.getByRole("button", { name: "Envoyer mes réponses" }));
    expect(
      await screen.findByText(
        `${required - 1} question${required - 1 > 1 ? "s" : ""} à compléter ou corriger avant l'envoi.`,
        { exact: false },
      ),
    ).toBeTruthy();
    expect(screen.getAllByText("Cette question est obligatoire.")).toHaveLength(required - 1);
    expect(document.activeElement?.getAttribute("aria-invalid")).toBe("true");
    expect(calls).toHaveLength(0);
  });

  it("thanks the respondent and forgets the draft", async () => {
    localStorage.clear();
    const calls: unknown[] = [];
    const { user } = renderPage((input) => {
      calls.push(input);
      return { ok: true };
    });
    await user.click(await screen.findByLabelText("Une part de rétrocession à l'acte"));
    await user.click(screen.getByRole("button", { name: "Envoyer mes réponses" }));
    expect(await screen.findByText("Merci pour votre réponse !")).toBeTruthy();
    expect(calls[0]).toMatchObject({
      slug: "dixieme-annee-mg",
      token: "abc",
      answers: { remuneration: "retrocession" },
    });
    expect(localStorage.getItem("tribune:enquete:dixieme-annee-mg")).toBeNull();
  });

  it("remembers an open-link answer from this browser: a reload says it was answered", async () => {
    localStorage.clear();
    const first = renderPage(() => ({ ok: true }), "");
    await first.user.click(await screen.findByLabelText("Une part de rétrocession à l'acte"));
    await first.user.click(screen.getByRole("button", { name: "Envoyer mes réponses" }));
    expect(await screen.findByText("Merci pour votre réponse !")).toBeTruthy();
    first.unmount();

    renderPage(() => ({ ok: true }), "");
    expect(
      await screen.findByRole("heading", { name: "Vous avez déjà répondu à cette enquête" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Envoyer mes réponses" })).toBeNull();
  });

  it("shows a missing survey inside the union's page, with a way back to the programme", async () => {
    renderWithApi(
      <Routes>
        <Route path="/public/enquete/:slug" element={<PublicSurveyPage />} />
      </Routes>,
      {
        route: "/public/enquete/inconnue",
        handlers: {
          "survey.form": () => {
            throw new ApiRefusal("not_found", "Enquête introuvable.");
          },
        },
      },
    );
    expect(await screen.findByRole("heading", { name: "Enquête introuvable." })).toBeTruthy();
    expect(screen.getByText("ISNAR-IMG")).toBeTruthy();
    expect(
      screen.getByRole("link", { name: "Retour au programme du congrès" }).getAttribute("href"),
    ).toBe("/public/programme");
  });
});
