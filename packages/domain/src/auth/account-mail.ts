import { formatDateTime } from "../format/dates";
import type { MailContent } from "../mail/content";
import { UNION_FULL_NAME, UNION_NAME } from "../union/registration-mail";
import { ROLE_LABELS, type Role } from "./roles";

/**
 * What the messages to staff accounts say (issue 15): an invitation to choose a first password
 * and a password reset. Each carries a single-use link that expires; neither names the token
 * anywhere but in the link.
 */

/** What a message needs of the account and of its link. */
export interface AccountMailFacts {
  /** The link's stored id: one message per link. */
  tokenId: string;
  email: string;
  displayName: string;
  role: Role;
  url: string;
  expiresAt: string;
}

const signOff = `L'équipe Tribune de l'${UNION_NAME}`;
const footer = (why: string) => `${why} ${UNION_NAME} — ${UNION_FULL_NAME}.`;
const greeting = (name: string) => (name.trim() ? `Bonjour ${name.trim()},` : "Bonjour,");

/** An admin opened an account for this address: choose a password to sign in. */
export function accountInvitationMail(facts: AccountMailFacts): MailContent {
  return {
    kind: "account_invitation",
    key: `account-invitation:${facts.tokenId}`,
    to: facts.email,
    subject: `Tribune (${UNION_NAME}) : votre compte vous attend`,
    preview: "Choisissez votre mot de passe pour accéder à Tribune.",
    heading: "Votre compte Tribune",
    greeting: greeting(facts.displayName),
    paragraphs: [
      `Un compte « ${ROLE_LABELS[facts.role]} » a été ouvert pour vous sur Tribune, l'outil de l'${UNION_NAME} pour le congrès, les enquêtes et les dossiers.`,
      `Choisissez votre mot de passe avec le lien ci-dessous. Il sert une seule fois et reste valable jusqu'au ${formatDateTime(facts.expiresAt)} (heure de Paris) ; passé ce délai, demandez une nouvelle invitation.`,
      "Ce lien est personnel : ne le transférez pas.",
    ],
    code: null,
    action: { label: "Choisir mon mot de passe", url: facts.url },
    calendar: null,
    signOff,
    footer: footer(
      "Vous recevez ce message parce qu'un·e administrateur·rice de Tribune a ouvert un compte à votre adresse.",
    ),
  };
}

/** Someone asked for a new password for this address. */
export function passwordResetMail(facts: AccountMailFacts): MailContent {
  return {
    kind: "password_reset",
    key: `password-reset:${facts.tokenId}`,
    to: facts.email,
    subject: `Tribune (${UNION_NAME}) : choisir un nouveau mot de passe`,
    preview: "Un lien valable une heure pour choisir un nouveau mot de passe.",
    heading: "Nouveau mot de passe",
    greeting: greeting(facts.displayName),
    paragraphs: [
      "Une demande de nouveau mot de passe a été faite pour votre compte Tribune.",
      `Le lien ci-dessous sert une seule fois et reste valable jusqu'au ${formatDateTime(facts.expiresAt)} (heure de Paris). Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
    ],
    code: null,
    action: { label: "Choisir un nouveau mot de passe", url: facts.url },
    calendar: null,
    signOff,
    footer: footer(
      "Vous recevez ce message parce qu'un nouveau mot de passe a été demandé pour votre compte.",
    ),
  };
}
