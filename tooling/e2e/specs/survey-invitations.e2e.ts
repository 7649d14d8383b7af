import { describe, expect, it } from "vitest";
import { logIn, mutate, shoot } from "../src/harness";
import { arrivedFor, useTribuneWithMail } from "../src/smtp";

// Invitations leave through a real SMTP server in this process: the server refuses to send
// them without one (TRIBUNE_SMTP_URL).
const { tribune, smtp } = useTribuneWithMail();

const ADDRESSES = [
  "alice.invitee@exemple.fr",
  "basile.invite@exemple.fr",
  "chloe.invitee@exemple.fr",
];
const SLUG = "avis-invitations-e2e";

/** The survey's one-time link in a message's text, as a path the browser can open. */
function answerLinkIn(text: string | undefined): string {
  const found = new RegExp(`https?://[^\\s\\]]+/public/enquete/${SLUG}\\?jeton=[^\\s\\]]+`).exec(
    text ?? "",
  );
  if (!found) throw new Error(`no answer link in: ${text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

describe("survey invitations", () => {
  it("sends each pasted address its own link and shows the progress reach 3 sent", async () => {
    const page = await tribune.page();
    await logIn(page, "bureau");
    // An open survey answered on invitation only (not an open link).
    const survey = await mutate<{ id: string }>(page, "survey.create", {
      slug: SLUG,
      title: "Avis sur les gardes",
      year: 2026,
      opensOn: null,
      closesOn: null,
      anonymity: "anonymous",
      questions: [
        { id: "note", type: "likert", label: "Vos gardes sont-elles tenables ?", required: true },
      ],
    });
    await mutate(page, "survey.setStatus", { id: survey.id, status: "open" });

    await page.goto(`/enquetes/${survey.id}`);
    await page.getByRole("link", { name: "Invitations" }).click();
    await page.waitForURL(`**/enquetes/${survey.id}/invitations`);
    await page.getByRole("heading", { name: "Invitations par courriel" }).waitFor();
    await page.getByText("0 adresse déjà invitée à cette enquête.").waitFor();

    await page.getByRole("textbox", { name: "Adresses" }).fill(ADDRESSES.join("\n"));
    await page.getByRole("status").filter({ hasText: "3 adresses." }).waitFor();
    await page.getByRole("button", { name: "Envoyer les invitations" }).click();

    const progress = page.getByRole("progressbar", { name: "Progression de l'envoi" });
    await page.getByText(/^3 \/ 3 envoyées \(100\s%\)$/).waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute("max")).toBe("3");
    expect(await progress.getAttribute("value")).toBe("3");
    await page.getByText("3 adresses déjà invitées à cette enquête.").waitFor();
    await shoot(page, "enquete-invitations");

    const links = await Promise.all(
      ADDRESSES.map(async (address) => {
        const message = await arrivedFor(smtp, address, /votre avis sur « Avis sur les gardes »/);
        return answerLinkIn(message.text);
      }),
    );
    expect(new Set(links).size).toBe(3);
    // One message per address, no more.
    expect(smtp.received.filter((m) => /Avis sur les gardes/.test(m.subject ?? ""))).toHaveLength(
      3,
    );

    // A link opens the questionnaire for its recipient.
    const respondent = await tribune.page({ viewport: { width: 390, height: 844 } });
    await respondent.goto(links[0] ?? "");
    await respondent.getByRole("button", { name: "Envoyer mes réponses" }).waitFor();
  });
});
