import { describe, expect, it } from "vitest";
import { describeAuditEntry } from "../audit/describe";
import {
  campaignProgress,
  decideInvitationStart,
  decideRemaining,
  describeCampaignProgress,
  effectiveCampaignStatus,
  INVITATION_RATE,
  InvitationForm,
  type InvitationStartFacts,
  invitationStartInput,
  MAX_INVITATIONS,
  parseAddressList,
  StartInvitationsInput,
  sendingPlan,
  surveyInvitationMail,
  surveyInvitationUrl,
} from "./invitations";

describe("parseAddressList", () => {
  it("reads one or more addresses a line, normalised and kept once, with a column title ignored", () => {
    const list = parseAddressList(
      [
        "E-mail",
        "  Camille.Durand@Exemple.fr ",
        "alex@exemple.fr, sam@exemple.fr;lou@exemple.fr",
        "Jeanne Martin <JEANNE@exemple.fr>",
        '"alex@exemple.fr"',
        "",
        "camille.durand@exemple.fr\r\nnoé@exemple.fr",
      ].join("\n"),
    );
    expect(list.addresses).toEqual([
      "camille.durand@exemple.fr",
      "alex@exemple.fr",
      "sam@exemple.fr",
      "lou@exemple.fr",
      "jeanne@exemple.fr",
    ]);
    expect(list.duplicates).toBe(2);
    // A non-ASCII local part is refused by the format check: reported, with its line.
    expect(list.invalid).toEqual([
      {
        line: 8,
        value: "noé@exemple.fr",
        message: "Ligne 8 : « noé@exemple.fr » n'est pas une adresse e-mail valide.",
      },
    ]);
  });

  it("reports every line that is not an address, in French", () => {
    const list = parseAddressList("ok@exemple.fr\npas-une-adresse\n@exemple.fr\nx@");
    expect(list.addresses).toEqual(["ok@exemple.fr"]);
    expect(list.invalid.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(list.invalid[0]?.message).toBe(
      "Ligne 2 : « pas-une-adresse » n'est pas une adresse e-mail valide.",
    );
  });

  it("treats a column title as an address after the first line", () => {
    expect(parseAddressList("a@exemple.fr\nemail").invalid).toHaveLength(1);
  });
});

describe("the rate", () => {
  it("sends about a second's worth a batch, at most 50, spaced to keep the rate", () => {
    expect(sendingPlan(600)).toEqual({ batchSize: 10, intervalMs: 1000, leaseMs: 63_000 });
    expect(sendingPlan(6)).toEqual({ batchSize: 1, intervalMs: 10_000, leaseMs: 90_000 });
    expect(sendingPlan(60_000)).toEqual({ batchSize: 50, intervalMs: 50, leaseMs: 60_150 });
    expect(sendingPlan(90)).toEqual({ batchSize: 2, intervalMs: 1333, leaseMs: 63_999 });
  });

  it("is bounded, with French messages, and 600 a minute by default", () => {
    const base = {
      id: "6f1c1f4e-7d5b-4b8e-9f40-1b2c3d4e5f60",
      source: { kind: "list", text: "a@b.fr" },
    };
    expect(StartInvitationsInput.parse(base).rate).toBe(INVITATION_RATE.default);
    const tooFast = StartInvitationsInput.safeParse({ ...base, rate: 60_001 });
    expect(tooFast.error?.issues[0]?.message).toBe("Au plus 60\u202F000 messages par minute.");
    const zero = StartInvitationsInput.safeParse({ ...base, rate: 0 });
    expect(zero.error?.issues[0]?.message).toBe("Au moins 1 message par minute.");
  });
});

describe("campaign states", () => {
  const now = new Date("2026-01-20T10:00:00Z");
  it("reads a running campaign whose claim ran out as interrupted", () => {
    const later = new Date("2026-01-20T10:01:00Z");
    const earlier = new Date("2026-01-20T09:59:00Z");
    expect(effectiveCampaignStatus({ status: "running", leaseUntil: later }, now)).toBe("running");
    expect(effectiveCampaignStatus({ status: "running", leaseUntil: earlier }, now)).toBe(
      "interrupted",
    );
    expect(effectiveCampaignStatus({ status: "running", leaseUntil: null }, now)).toBe(
      "interrupted",
    );
    expect(effectiveCampaignStatus({ status: "paused", leaseUntil: null }, now)).toBe("paused");
  });

  it("counts progress over every address tried, and says it in French", () => {
    const c = { total: 6000, sent: 1197, bounced: 2, failed: 1 };
    expect(campaignProgress(c)).toBe(0.2);
    expect(describeCampaignProgress(c, { plainSpaces: true })).toBe(
      "1 197 / 6 000 envoyées (20 %) · 2 refusées · 1 en échec",
    );
    expect(campaignProgress({ total: 0, sent: 0, bounced: 0, failed: 0 })).toBe(1);
  });
});

describe("decideInvitationStart", () => {
  const facts = (over: Partial<InvitationStartFacts> = {}): InvitationStartFacts => ({
    survey: { status: "open", anonymity: "anonymous" },
    runningStatus: null,
    canSend: true,
    list: parseAddressList("a@exemple.fr\nb@exemple.fr"),
    ...over,
  });
  const reason = (f: InvitationStartFacts) => {
    const d = decideInvitationStart(f);
    return d.ok ? "ok" : d.refusal.reason;
  };

  it("allows an open survey on invitation with a clean list and an SMTP server", () => {
    expect(decideInvitationStart(facts())).toEqual({
      ok: true,
      addresses: ["a@exemple.fr", "b@exemple.fr"],
    });
    // A campaign whose job died does not block a new one.
    expect(reason(facts({ runningStatus: "interrupted" }))).toBe("ok");
  });

  it("refuses without SMTP, an open-link or closed survey, a running campaign, a bad list", () => {
    expect(reason(facts({ canSend: false }))).toBe("invitations_need_smtp");
    expect(reason(facts({ survey: { status: "open", anonymity: "open_link" } }))).toBe(
      "invitations_open_link",
    );
    expect(reason(facts({ survey: { status: "draft", anonymity: "anonymous" } }))).toBe(
      "invitations_survey_not_open",
    );
    expect(reason(facts({ runningStatus: "running" }))).toBe("invitations_running");
    expect(reason(facts({ list: parseAddressList("") }))).toBe("invitations_empty");
    const many = Array.from({ length: MAX_INVITATIONS + 1 }, (_, i) => `p${i}@exemple.fr`);
    expect(reason(facts({ list: parseAddressList(many.join("\n")) }))).toBe("invitations_too_many");
    const bad = decideInvitationStart(facts({ list: parseAddressList("a@exemple.fr\nnon\nx@") }));
    expect(bad.ok ? null : bad.refusal.message).toBe(
      "2 adresses invalides : ligne 2 « non », ligne 3 « x@ ». Corrigez la liste : aucune invitation n'est partie.",
    );
  });

  it("skips those already invited, and refuses when nobody is left", () => {
    const invited = new Set(["a@exemple.fr"]);
    expect(decideRemaining(["a@exemple.fr", "b@exemple.fr"], (a) => invited.has(a))).toEqual({
      ok: true,
      remaining: ["b@exemple.fr"],
      skipped: 1,
    });
    const none = decideRemaining(["a@exemple.fr"], (a) => invited.has(a));
    expect(none.ok ? null : none.refusal.reason).toBe("invitations_all_invited");
  });
});

describe("the invitation", () => {
  it("names the union and the survey and carries the one-time link to the public page", () => {
    const url = surveyInvitationUrl("https://tribune.example/", "sante-2026", "abc123");
    expect(url).toBe("https://tribune.example/public/enquete/sante-2026?jeton=abc123");
    const mail = surveyInvitationMail({ title: "Santé des internes" }, "a@exemple.fr", url, "k");
    expect(mail.kind).toBe("survey_invitation");
    expect(mail.subject).toBe("ISNAR-IMG : votre avis sur « Santé des internes »");
    expect(mail.action).toEqual({ label: "Répondre à l'enquête", url });
    expect(mail.paragraphs.join(" ")).toContain("ne sert qu'une fois");
    expect(`${mail.greeting} ${mail.paragraphs.join(" ")}`).not.toContain("a@exemple.fr");
  });
});

describe("the admin's form", () => {
  const form = (over: Partial<InvitationForm> = {}): InvitationForm => ({
    mode: "list",
    text: "a@exemple.fr",
    subdivisionIds: [],
    rate: 600,
    ...over,
  });
  const messages = (value: InvitationForm) =>
    InvitationForm.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

  it("names the bad lines of the list, or asks for a subdivision", () => {
    expect(messages(form())).toBeUndefined();
    expect(messages(form({ text: "a@exemple.fr\nnon" }))).toEqual([
      "text: Une adresse invalide : ligne 2 « non ». Corrigez la liste : aucune invitation n'est partie.",
    ]);
    expect(messages(form({ text: " \n" }))).toEqual(["text: La liste ne contient aucune adresse."]);
    expect(messages(form({ mode: "subdivisions" }))).toEqual([
      "subdivisionIds: Choisissez au moins une subdivision.",
    ]);
  });

  it("becomes the start input of its mode", () => {
    const id = "6f1c1f4e-7d5b-4b8e-9f40-1b2c3d4e5f60";
    expect(invitationStartInput(id, form())).toEqual({
      id,
      rate: 600,
      source: { kind: "list", text: "a@exemple.fr" },
    });
    expect(
      invitationStartInput(id, form({ mode: "subdivisions", subdivisionIds: [id], rate: 60 })),
    ).toEqual({ id, rate: 60, source: { kind: "subdivisions", subdivisionIds: [id] } });
  });
});

describe("the audit journal", () => {
  const entry = (invitationCampaign: Record<string, unknown>) =>
    describeAuditEntry({
      id: "6f1c1f4e-7d5b-4b8e-9f40-1b2c3d4e5f60",
      at: "2026-01-20T09:00:00.000Z",
      actorId: null,
      actorEmail: "bureau@tribune.test",
      entity: "survey",
      entityId: "6f1c1f4e-7d5b-4b8e-9f40-1b2c3d4e5f61",
      action: "update",
      before: null,
      after: { invitationCampaign },
    }).summary;

  it("tells a campaign's start and end by its counts", () => {
    expect(entry({ status: "running", total: 5980, skipped: 20 })).toBe(
      "Invitations par courriel : envoi commencé vers 5\u202F980 adresses, 20 déjà invitées ignorées.",
    );
    // To members: the journal keeps how many were left out, and why.
    expect(entry({ status: "running", total: 40, skipped: 0, membersLeftOut: { lapsed: 3 } })).toBe(
      "Invitations par courriel : envoi commencé vers 40 adresses. 3 adhérent·es non invité·es : adhésion échue (3). Seul·es les adhérent·es à jour de cotisation ou en attente d'adhésion sont invité·es.",
    );
    expect(entry({ status: "finished", total: 5980, sent: 5960, bounced: 12, failed: 8 })).toBe(
      "Invitations par courriel : envoi terminé, 5\u202F960 envoyées sur 5\u202F980, 12 refusées, 8 en échec.",
    );
    expect(entry({ status: "interrupted", total: 100, sent: 50 })).toBe(
      "Invitations par courriel : envoi interrompu, 50 envoyées sur 100.",
    );
    // French puts 0 and 1 in the singular.
    expect(entry({ status: "interrupted", total: 100, sent: 1 })).toBe(
      "Invitations par courriel : envoi interrompu, 1 envoyée sur 100.",
    );
    expect(entry({ status: "interrupted", total: 100, sent: 0 })).toBe(
      "Invitations par courriel : envoi interrompu, 0 envoyée sur 100.",
    );
  });
});
