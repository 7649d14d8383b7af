import { z } from "zod";
import { Email } from "../auth/account";
import { formatNumber, formatPercent, type NumberOptions } from "../format/numbers";
import { int, text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import type { MailContent } from "../mail/content";
import { UNION_FULL_NAME, UNION_NAME } from "../union/registration-mail";
import type { AnonymityMode, SurveyStatus } from "./survey";

/**
 * Survey invitations by e-mail (issue 15): the bureau gives a list of addresses (pasted, a file,
 * or the members of subdivisions) and each address receives its own one-time response link.
 *
 * The rule that shapes everything: **the address ↔ token pairing is never stored.** The tokens
 * exist in plain text only in the memory of the job that sends them; the database keeps their
 * hashes (as for every token), a campaign's counts, and — so that a list sent again skips who
 * already received a link — salted hashes of the addresses invited to the survey, written apart
 * from the tokens. These rules are pure: the list, the rate, the campaign's states, the message.
 */

/** The most addresses one campaign takes (the congress surveys some 6,000 interns). */
export const MAX_INVITATIONS = 20_000;
/** The most characters of a pasted or uploaded list: 20,000 addresses of 45 characters, within a request (1 MB). */
export const MAX_INVITATION_LIST_CHARS = 900_000;

/** Messages per minute: from one a minute to a thousand a second; 600 (10 a second) by default. */
export const INVITATION_RATE = { min: 1, max: 60_000, default: 600 } as const;

// ——— The list ———————————————————————————————————————————————————————————————————————————

/** A line of the list that holds no e-mail address, as the user reads it. */
export interface InvalidAddress {
  /** 1-based line of the pasted text or the file. */
  line: number;
  value: string;
  message: string;
}

export interface AddressList {
  /** Normalised (trimmed, lower case, NFC), each once, in the order first met. */
  addresses: string[];
  invalid: InvalidAddress[];
  /** Addresses met again (after normalisation) and kept once. */
  duplicates: number;
}

/** An address as it is compared and hashed: the same mailbox, however it was typed. */
export const normaliseAddress = (value: string) => value.normalize("NFC").trim().toLowerCase();

/** A column title of a spreadsheet export, not an address. */
const HEADER = /^(e-?mail|courriel|adresse( e-?mail)?|mail)$/i;

/** "Camille Durand <camille@exemple.fr>" → the part between angle brackets; quotes dropped. */
function addressPieces(line: string): string[] {
  const pieces: string[] = [];
  for (const part of line.split(/[,;]/)) {
    const bracketed = /<([^<>]*)>/.exec(part);
    if (bracketed) {
      pieces.push(bracketed[1] ?? "");
      continue;
    }
    for (const word of part.split(/\s+/)) {
      const bare = word.replace(/^["']+|["']+$/g, "");
      if (bare) pieces.push(bare);
    }
  }
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/**
 * The addresses of a pasted list or an uploaded file: one or more per line, separated by
 * spaces, commas or semicolons, "Nom <adresse>" accepted, a column title on the first line
 * ignored. Each address is normalised and kept once; what is not an address is reported with
 * its line, in French.
 */
export function parseAddressList(input: string): AddressList {
  const addresses: string[] = [];
  const seen = new Set<string>();
  const invalid: InvalidAddress[] = [];
  let duplicates = 0;
  const lines = input.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    for (const piece of addressPieces(line)) {
      if (index === 0 && HEADER.test(piece)) continue;
      const parsed = Email.safeParse(normaliseAddress(piece));
      if (!parsed.success) {
        invalid.push({
          line: index + 1,
          value: piece.slice(0, 120),
          message: `Ligne ${index + 1} : « ${piece.slice(0, 120)} » n'est pas une adresse e-mail valide.`,
        });
        continue;
      }
      if (seen.has(parsed.data)) {
        duplicates += 1;
        continue;
      }
      seen.add(parsed.data);
      addresses.push(parsed.data);
    }
  }
  return { addresses, invalid, duplicates };
}

// ——— Wire contract ————————————————————————————————————————————————————————————————————————

/** Whom to invite: a list (pasted or read from a file) or the members of subdivisions. */
export const InvitationSource = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("list"),
    text: text({
      max: MAX_INVITATION_LIST_CHARS,
      multiline: true,
      tooLong: "La liste est trop longue : 20 000 adresses au plus par envoi.",
    }),
  }),
  z.object({
    kind: z.literal("subdivisions"),
    subdivisionIds: z
      .array(z.uuid())
      .min(1, { error: "Choisissez au moins une subdivision." })
      .max(200),
  }),
]);
export type InvitationSource = z.infer<typeof InvitationSource>;

export const InvitationRate = int({
  min: INVITATION_RATE.min,
  max: INVITATION_RATE.max,
  tooSmall: `Au moins ${INVITATION_RATE.min} message par minute.`,
  tooBig: `Au plus ${formatNumber(INVITATION_RATE.max)} messages par minute.`,
});

export const StartInvitationsInput = z.object({
  id: z.uuid(),
  /** Messages per minute. */
  rate: InvitationRate.default(INVITATION_RATE.default),
  source: InvitationSource,
});
export type StartInvitationsInput = z.input<typeof StartInvitationsInput>;

export const CAMPAIGN_STATUSES = ["running", "paused", "finished", "interrupted"] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  running: "Envoi en cours",
  paused: "En pause",
  finished: "Terminé",
  interrupted: "Interrompu",
};

/** A campaign as the bureau follows it: counts, never an address. */
export const InvitationCampaign = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  status: CampaignStatus,
  ratePerMinute: z.int(),
  /** Addresses this campaign was to send to (the list, less those invited before). */
  total: z.int().nonnegative(),
  sent: z.int().nonnegative(),
  /** Refused for good by the SMTP server (no such mailbox…). */
  bounced: z.int().nonnegative(),
  /** Not accepted for now (a 4xx reply, a lost connection): sending the list again retries them. */
  failed: z.int().nonnegative(),
  /** Addresses of the list that had already received a link to this survey. */
  skipped: z.int().nonnegative(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type InvitationCampaign = z.infer<typeof InvitationCampaign>;

export const InvitationOverview = z.object({
  /** The survey's latest campaign, if any. */
  campaign: InvitationCampaign.nullable(),
  /**
   * Addresses that received a link to this survey, all campaigns together — with those of the
   * batch leaving now: a batch is counted as it leaves, so that nobody is ever sent two.
   */
  invited: z.int().nonnegative(),
  /** Whether this server can send (an SMTP server is configured). */
  canSend: z.boolean(),
});
export type InvitationOverview = z.infer<typeof InvitationOverview>;

export const InvitationRef = z.object({ id: z.uuid() });

// ——— Rate and states ——————————————————————————————————————————————————————————————————————

export interface SendingPlan {
  /** Messages sent one after the other before the counts are stored. */
  batchSize: number;
  /** Time from one batch's start to the next one's: batchSize at the rate. */
  intervalMs: number;
  /** How long a claim on the campaign holds without news from its job. */
  leaseMs: number;
}

/** The most messages between two stores of the counts (and of the addresses sent). */
const MAX_BATCH = 50;

/**
 * Batches at the rate: about a second's worth of messages each (at most 50), so that the counts
 * move every second and a crash loses at most one batch's record. The claim on the campaign
 * lasts three batches and a minute: a job that stops renewing it has stopped.
 */
export function sendingPlan(ratePerMinute: number): SendingPlan {
  const rate = Math.min(INVITATION_RATE.max, Math.max(INVITATION_RATE.min, ratePerMinute));
  const batchSize = Math.min(MAX_BATCH, Math.max(1, Math.ceil(rate / 60)));
  const intervalMs = Math.round((batchSize * 60_000) / rate);
  return { batchSize, intervalMs, leaseMs: 3 * intervalMs + 60_000 };
}

/**
 * What a campaign is, read at `now`: a "running" one whose job stopped renewing its claim
 * (the server crashed or was killed) is interrupted.
 */
export function effectiveCampaignStatus(
  campaign: { status: CampaignStatus; leaseUntil: Date | null },
  now: Date,
): CampaignStatus {
  if (campaign.status !== "running") return campaign.status;
  return campaign.leaseUntil && campaign.leaseUntil > now ? "running" : "interrupted";
}

/** How far the campaign went, from 0 to 1: every address tried, sent or not. */
export function campaignProgress(
  c: Pick<InvitationCampaign, "total" | "sent" | "bounced" | "failed">,
) {
  return c.total === 0 ? 1 : Math.min(1, (c.sent + c.bounced + c.failed) / c.total);
}

/** "1 200 / 6 000 envoyées (20 %) · 3 refusées · 1 en échec" — the progress line and the admin's. */
export function describeCampaignProgress(
  c: Pick<InvitationCampaign, "total" | "sent" | "bounced" | "failed">,
  options: NumberOptions = {},
): string {
  const parts = [
    `${formatNumber(c.sent, options)} / ${formatNumber(c.total, options)} envoyée${c.sent > 1 ? "s" : ""} (${formatPercent(campaignProgress(c), { ...options, maxDecimals: 0 })})`,
  ];
  if (c.bounced > 0)
    parts.push(`${formatNumber(c.bounced, options)} refusée${c.bounced > 1 ? "s" : ""}`);
  if (c.failed > 0) parts.push(`${formatNumber(c.failed, options)} en échec`);
  return parts.join(" · ");
}

export const INVITATION_REFUSALS = {
  noTransport: (): Refusal => ({
    reason: "invitations_need_smtp",
    code: "invalid",
    message:
      "Les invitations partent seulement par un serveur SMTP (TRIBUNE_SMTP_URL) : sans lui, chaque message serait gardé dans un fichier, avec l'adresse à côté de son lien personnel.",
  }),
  openLink: (): Refusal => ({
    reason: "invitations_open_link",
    code: "invalid",
    message:
      "Cette enquête se remplit par un lien ouvert à tous : les invitations à lien personnel sont pour les enquêtes sur invitation.",
  }),
  notOpen: (): Refusal => ({
    reason: "invitations_survey_not_open",
    code: "invalid",
    message: "Ouvrez l'enquête avant d'envoyer les invitations : leurs liens n'y mèneraient pas.",
  }),
  running: (): Refusal => ({
    reason: "invitations_running",
    code: "locked",
    message:
      "Un envoi d'invitations est déjà en cours pour cette enquête : attendez sa fin ou mettez-le en pause.",
  }),
  notRunning: (): Refusal => ({
    reason: "invitations_not_running",
    code: "invalid",
    message: "Aucun envoi d'invitations n'est en cours pour cette enquête.",
  }),
  invalidAddresses: (invalid: InvalidAddress[]): Refusal => ({
    reason: "invitations_invalid_addresses",
    code: "invalid",
    message: `${invalid.length === 1 ? "Une adresse invalide" : `${formatNumber(invalid.length)} adresses invalides`} : ${invalid
      .slice(0, 5)
      .map((i) => `ligne ${i.line} « ${i.value} »`)
      .join(
        ", ",
      )}${invalid.length > 5 ? "…" : ""}. Corrigez la liste : aucune invitation n'est partie.`,
    fieldErrors: { source: invalid.slice(0, 20).map((i) => i.message) },
  }),
  empty: (): Refusal => ({
    reason: "invitations_empty",
    code: "invalid",
    message: "La liste ne contient aucune adresse.",
    fieldErrors: { source: ["La liste ne contient aucune adresse."] },
  }),
  tooMany: (count: number): Refusal => ({
    reason: "invitations_too_many",
    code: "invalid",
    message: `${formatNumber(count)} adresses : ${formatNumber(MAX_INVITATIONS)} au plus par envoi. Découpez la liste.`,
  }),
  allInvited: (): Refusal => ({
    reason: "invitations_all_invited",
    code: "invalid",
    message:
      "Toutes ces adresses ont déjà reçu une invitation à cette enquête : aucune n'est renvoyée.",
  }),
} as const;

export interface InvitationStartFacts {
  survey: { status: SurveyStatus; anonymity: AnonymityMode };
  /** The survey's campaign marked running, as `effectiveCampaignStatus` reads it. */
  runningStatus: CampaignStatus | null;
  canSend: boolean;
  list: AddressList;
}

/**
 * Whether a campaign may start: an SMTP server to send through (never files that would keep an
 * address beside its link), a survey on invitation that collects, no other campaign running
 * for it, and a list without a bad line (the whole list is refused, so that nobody is
 * invited twice when it is corrected and sent again… and nobody forgotten).
 */
export function decideInvitationStart(
  facts: InvitationStartFacts,
): Decision<{ addresses: string[] }> {
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });
  if (!facts.canSend) return refuse(INVITATION_REFUSALS.noTransport());
  if (facts.survey.anonymity === "open_link") return refuse(INVITATION_REFUSALS.openLink());
  if (facts.survey.status !== "open") return refuse(INVITATION_REFUSALS.notOpen());
  if (facts.runningStatus === "running") return refuse(INVITATION_REFUSALS.running());
  if (facts.list.invalid.length > 0)
    return refuse(INVITATION_REFUSALS.invalidAddresses(facts.list.invalid));
  if (facts.list.addresses.length === 0) return refuse(INVITATION_REFUSALS.empty());
  if (facts.list.addresses.length > MAX_INVITATIONS)
    return refuse(INVITATION_REFUSALS.tooMany(facts.list.addresses.length));
  return { ok: true, addresses: facts.list.addresses };
}

/** What is left to send once the addresses already invited are set aside. */
export function decideRemaining(
  addresses: string[],
  alreadyInvited: (address: string) => boolean,
): Decision<{ remaining: string[]; skipped: number }> {
  const remaining = addresses.filter((a) => !alreadyInvited(a));
  if (remaining.length === 0) return { ok: false, refusal: INVITATION_REFUSALS.allInvited() };
  return { ok: true, remaining, skipped: addresses.length - remaining.length };
}

// ——— The message ————————————————————————————————————————————————————————————————————————

/** The public page of the survey that takes the one-time token (`?jeton=`), as the admin forms it. */
export const surveyAnswerPath = (slug: string) => `/public/enquete/${encodeURIComponent(slug)}`;
export const surveyInvitationUrl = (publicUrl: string, slug: string, token: string) =>
  `${publicUrl.replace(/\/+$/, "")}${surveyAnswerPath(slug)}?jeton=${encodeURIComponent(token)}`;

/**
 * The invitation: the union, the survey's title and the one-time link. Nothing in it names the
 * recipient; its key says which campaign it belongs to, never which token it carries.
 */
export function surveyInvitationMail(
  survey: { title: string },
  to: string,
  url: string,
  key: string,
): MailContent {
  return {
    kind: "survey_invitation",
    key,
    to,
    subject: `${UNION_NAME} : votre avis sur « ${survey.title} »`,
    preview: "Votre lien personnel pour répondre à l'enquête.",
    heading: `Enquête « ${survey.title} »`,
    greeting: "Bonjour,",
    paragraphs: [
      `Le Bureau National de l'${UNION_NAME} vous invite à répondre à l'enquête « ${survey.title} ».`,
      "Le lien ci-dessous est personnel et ne sert qu'une fois : ne le transférez pas.",
      "Vos réponses sont anonymes : elles ne sont reliées ni à votre adresse ni à ce lien, et ne sont lues qu'en résultats agrégés.",
    ],
    code: null,
    action: { label: "Répondre à l'enquête", url },
    calendar: null,
    signOff: `Le Bureau National de l'${UNION_NAME}`,
    footer: `Vous recevez ce message parce que le Bureau National de l'${UNION_NAME} vous invite à une enquête. ${UNION_NAME} — ${UNION_FULL_NAME}.`,
  };
}

// ——— The admin's form ———————————————————————————————————————————————————————————————————

export const INVITATION_MODES = ["list", "subdivisions"] as const;

/**
 * The bureau's form: a list (pasted, or read from a file into the same field) or subdivisions,
 * and the rate. Checked as the server will check it, so that a bad line is named before
 * anything is sent.
 */
export const InvitationForm = z
  .object({
    mode: z.enum(INVITATION_MODES),
    text: z.string(),
    subdivisionIds: z.array(z.string()),
    rate: InvitationRate,
  })
  .superRefine((form, ctx) => {
    if (form.mode === "subdivisions") {
      if (form.subdivisionIds.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["subdivisionIds"],
          message: "Choisissez au moins une subdivision.",
        });
      return;
    }
    if (form.text.length > MAX_INVITATION_LIST_CHARS) {
      ctx.addIssue({
        code: "custom",
        path: ["text"],
        message: "La liste est trop longue : 20 000 adresses au plus par envoi.",
      });
      return;
    }
    const list = parseAddressList(form.text);
    const refusal =
      list.invalid.length > 0
        ? INVITATION_REFUSALS.invalidAddresses(list.invalid)
        : list.addresses.length === 0
          ? INVITATION_REFUSALS.empty()
          : list.addresses.length > MAX_INVITATIONS
            ? INVITATION_REFUSALS.tooMany(list.addresses.length)
            : null;
    if (refusal) ctx.addIssue({ code: "custom", path: ["text"], message: refusal.message });
  });
export type InvitationForm = z.infer<typeof InvitationForm>;

/** What the form sends to `survey.invitations.start`. */
export function invitationStartInput(
  surveyId: string,
  form: InvitationForm,
): StartInvitationsInput {
  return {
    id: surveyId,
    rate: form.rate,
    source:
      form.mode === "list"
        ? { kind: "list", text: form.text }
        : { kind: "subdivisions", subdivisionIds: form.subdivisionIds },
  };
}
