import { describe, expect, it } from "vitest";
import { MAIL_KIND_LABELS, MAIL_KINDS, SECRET_BODY_MAIL_KINDS } from "../mail/outbox";
import { accountInvitationMail, passwordResetMail } from "./account-mail";
import {
  AccountToken,
  accountTokenExpiry,
  decideAccountTokenUse,
  decideInvitationResend,
  decideNewPassword,
  INVITATION_VALIDITY_MS,
  NewPasswordInput,
  PASSWORD_RESET_VALIDITY_MS,
} from "./account-tokens";

const NOW = new Date("2026-12-07T10:00:00Z");
const inAMinute = new Date(NOW.getTime() + 60_000).toISOString();
const aMinuteAgo = new Date(NOW.getTime() - 60_000).toISOString();
const usable = {
  purpose: "password_reset" as const,
  expiresAt: inAMinute,
  usedAt: null,
  account: { disabled: false },
};
const UNUSABLE =
  "Ce lien n'est pas ou plus valable (il sert une seule fois, pendant une durée limitée). Demandez-en un nouveau.";

describe("account links", () => {
  it("last a week for an invitation and an hour for a reset", () => {
    expect(INVITATION_VALIDITY_MS).toBe(7 * 24 * 3_600_000);
    expect(PASSWORD_RESET_VALIDITY_MS).toBe(3_600_000);
    expect(accountTokenExpiry("invitation", NOW).toISOString()).toBe("2026-12-14T10:00:00.000Z");
    expect(accountTokenExpiry("password_reset", NOW).toISOString()).toBe(
      "2026-12-07T11:00:00.000Z",
    );
  });

  it("may be used once, before they expire, for their purpose, by an enabled account", () => {
    expect(decideAccountTokenUse(usable, "password_reset", NOW)).toEqual({ ok: true });
  });

  it("refuse unknown, expired, used, mistaken and disabled links with one and the same refusal", () => {
    const refusals = [
      decideAccountTokenUse(null, "password_reset", NOW),
      decideAccountTokenUse({ ...usable, expiresAt: aMinuteAgo }, "password_reset", NOW),
      decideAccountTokenUse({ ...usable, expiresAt: NOW.toISOString() }, "password_reset", NOW),
      decideAccountTokenUse({ ...usable, usedAt: aMinuteAgo }, "password_reset", NOW),
      decideAccountTokenUse(usable, "invitation", NOW),
      decideAccountTokenUse({ ...usable, account: { disabled: true } }, "password_reset", NOW),
    ];
    for (const decision of refusals)
      expect(decision).toEqual({
        ok: false,
        refusal: { reason: "account_link_unusable", code: "invalid", message: UNUSABLE },
      });
  });

  it("hold a new password to the first password's policy, on its field", () => {
    expect(decideNewPassword(null)).toEqual({ ok: true });
    expect(decideNewPassword({ why: "c'est un mot courant" })).toMatchObject({
      ok: false,
      refusal: {
        reason: "weak_password",
        fieldErrors: { password: ["Mot de passe trop facile à deviner : c'est un mot courant."] },
      },
    });
  });

  it("take a whole token only (43 URL-safe characters)", () => {
    const token = "a".repeat(43);
    expect(NewPasswordInput.parse({ token: ` ${token} `, password: "x".repeat(12) }).token).toBe(
      token,
    );
    expect(AccountToken.safeParse("a".repeat(42)).success).toBe(false);
    expect(AccountToken.safeParse(`${"a".repeat(42)}=`).success).toBe(false);
  });
});

describe("decideInvitationResend", () => {
  it("resends to an enabled account still without password only", () => {
    const email = "camille@exemple.fr";
    expect(decideInvitationResend(email, { disabled: false, hasPassword: false })).toEqual({
      ok: true,
    });
    expect(decideInvitationResend(email, null)).toMatchObject({
      refusal: { reason: "no_account" },
    });
    expect(decideInvitationResend(email, { disabled: true, hasPassword: false })).toMatchObject({
      refusal: { reason: "account_disabled" },
    });
    expect(decideInvitationResend(email, { disabled: false, hasPassword: true })).toMatchObject({
      refusal: {
        reason: "invitation_already_accepted",
        message:
          "Le compte camille@exemple.fr a déjà choisi son mot de passe : il n'y a plus d'invitation à renvoyer.",
      },
    });
  });
});

describe("account messages", () => {
  const facts = {
    tokenId: "00000000-0000-4000-8000-000000000001",
    email: "camille@exemple.fr",
    displayName: "Camille",
    role: "organiser" as const,
    url: "https://tribune.example/connexion/invitation?jeton=abc",
    expiresAt: "2026-12-14T10:00:00.000Z",
  };

  it("invite with the link, the role and the Paris time the link expires", () => {
    const mail = accountInvitationMail(facts);
    expect(mail).toMatchObject({
      kind: "account_invitation",
      key: `account-invitation:${facts.tokenId}`,
      to: facts.email,
      greeting: "Bonjour Camille,",
      action: { label: "Choisir mon mot de passe", url: facts.url },
    });
    expect(mail.paragraphs.join(" ")).toContain("« Organisation du congrès »");
    expect(mail.paragraphs.join(" ")).toContain("14/12/2026 11:00 (heure de Paris)");
    expect(mail.subject).not.toContain("jeton");
  });

  it("reset with the link, and say the sessions close", () => {
    const mail = passwordResetMail({ ...facts, displayName: "" });
    expect(mail).toMatchObject({ kind: "password_reset", greeting: "Bonjour," });
    expect(mail.action?.url).toBe(facts.url);
    expect(mail.paragraphs.join(" ")).toContain("toutes vos sessions ouvertes sont fermées");
  });

  it("are kinds of the outbox, labelled, whose bodies are secret", () => {
    for (const kind of ["account_invitation", "password_reset"] as const) {
      expect(MAIL_KINDS).toContain(kind);
      expect(MAIL_KIND_LABELS[kind]).toBeTruthy();
      expect(SECRET_BODY_MAIL_KINDS).toContain(kind);
    }
  });
});
