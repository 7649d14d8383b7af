import { z } from "zod";
import { Email } from "../auth/account";
import { formatCount } from "../format";
import { text } from "../kernel/input";
import type { Decision, Refusal } from "../kernel/refusal";
import type { Member } from "./member";
import { type CsvRow, type ImportRowError, MemberImportReport } from "./memberImport";
import { SCOPE_REFUSALS, type ScopedActor, subdivisionScope } from "./scope";
import { type NewSubdivision, type Subdivision, subdivisionMatcher } from "./subdivision";

/**
 * The rules of the union's records (subdivisions, members, their CSV import), as pure
 * decisions: services load the facts (the subdivisions on record, what still points at one,
 * who holds an address), call these, and act on the answer.
 */

/** The French names of the union's records, as a "not found" message names them. */
export const UNION_LABELS = { subdivision: "Subdivision", member: "Adhérent·e" } as const;

/** One subdivision or member, by id. */
export const SubdivisionRef = z.object({ id: z.uuid() });
export type SubdivisionRef = z.infer<typeof SubdivisionRef>;
export const MemberRef = z.object({ id: z.uuid() });
export type MemberRef = z.infer<typeof MemberRef>;

/** What still points at a subdivision: its history, which a deletion would lose. */
export interface SubdivisionUses {
  members: number;
  registrations: number;
  accounts: number;
  caMeetings: number;
  motionVotes: number;
}

/** Each use's noun phrase, singular (0 and 1, as French counts) then plural. */
export const SUBDIVISION_USE_LABELS: Record<keyof SubdivisionUses, [string, string]> = {
  members: ["fiche adhérent·e", "fiches adhérent·e"],
  registrations: ["inscription au congrès", "inscriptions au congrès"],
  accounts: ["compte de représentant·e", "comptes de représentant·e"],
  caMeetings: ["CA accueilli", "CA accueillis"],
  motionVotes: ["vote de motion", "votes de motion"],
};

/** "12 fiches adhérent·e, 1 inscription au congrès", or "" when nothing points at it. */
export const describeSubdivisionUses = (uses: SubdivisionUses): string =>
  (Object.keys(SUBDIVISION_USE_LABELS) as (keyof SubdivisionUses)[])
    .filter((key) => uses[key] > 0)
    .map((key) => formatCount(uses[key], ...SUBDIVISION_USE_LABELS[key]))
    .join(", ");

/** Every refusal of the union's records, by stable reason, with its French wording. */
export const UNION_REFUSALS = {
  subdivisionExists: (twin: Pick<Subdivision, "name" | "slug">): Refusal => ({
    reason: "subdivision_exists",
    code: "already_exists",
    message: `La subdivision « ${twin.name} » existe déjà (identifiant « ${twin.slug} »).`,
  }),
  subdivisionHasHistory: (subdivision: Pick<Subdivision, "name">, uses: string): Refusal => ({
    reason: "subdivision_has_history",
    code: "referenced",
    message: `La subdivision « ${subdivision.name} » a un historique (${uses}) : elle ne peut être supprimée.`,
  }),
  duplicateMemberEmail: (): Refusal => ({
    reason: "member_email_taken",
    code: "already_exists",
    message: "Un·e adhérent·e utilise déjà cette adresse e-mail.",
  }),
  /** What a representative is told of an address used outside their subdivision: nothing more. */
  /** Nothing to name: the subdivisions come with the first start of the server. */
  noSubdivisions: (): Refusal => ({
    reason: "no_subdivisions",
    code: "not_found",
    message: "Aucune subdivision en base : démarrez le serveur une première fois (pnpm start).",
  }),
  unknownSubdivision: (wanted: string, known: readonly Pick<Subdivision, "name">[]): Refusal => ({
    reason: "unknown_subdivision",
    code: "not_found",
    message: `Subdivision inconnue : « ${wanted} ». Subdivisions : ${known.map((s) => s.name).join(", ")}.`,
  }),
  memberEmailUsedElsewhere: (email: string): Refusal => ({
    reason: "member_email_used_elsewhere",
    code: "already_exists",
    message: `L'adresse ${email} ne peut pas être enregistrée dans votre subdivision : contactez l'organisation du congrès.`,
  }),
} as const;

/**
 * The subdivision a person means by what they typed (the command line's `--subdivision`): its
 * id, or its name, slug or an alias whatever the case and accents ("saint-etienne" finds
 * Saint-Étienne).
 */
export function decideSubdivisionNamed<
  S extends Pick<Subdivision, "id" | "name" | "slug" | "aliases">,
>(subdivisions: readonly S[], wanted: string): Decision<{ subdivision: S }> {
  if (subdivisions.length === 0) return { ok: false, refusal: UNION_REFUSALS.noSubdivisions() };
  const subdivision =
    subdivisions.find((s) => s.id === wanted.trim()) ?? subdivisionMatcher(subdivisions)(wanted);
  if (!subdivision)
    return { ok: false, refusal: UNION_REFUSALS.unknownSubdivision(wanted, subdivisions) };
  return { ok: true, subdivision };
}

/**
 * Admitting a subdivision: a name, slug or alias another subdivision already answers to is
 * refused, whatever the case or accents, since CSV imports find subdivisions by any of them.
 */
export function decideSubdivisionCreation(
  input: Pick<NewSubdivision, "name" | "slug">,
  existing: readonly Subdivision[],
): Decision {
  const answersTo = subdivisionMatcher(existing);
  const twin = answersTo(input.name) ?? answersTo(input.slug);
  if (twin) return { ok: false, refusal: UNION_REFUSALS.subdivisionExists(twin) };
  return { ok: true };
}

/**
 * A subdivision recorded by mistake may go; one with members, registrations, representatives,
 * meetings or votes keeps them: refused, not cascaded.
 */
export function decideSubdivisionDeletion(
  subdivision: Pick<Subdivision, "name">,
  uses: SubdivisionUses,
): Decision {
  const history = describeSubdivisionUses(uses);
  if (history)
    return { ok: false, refusal: UNION_REFUSALS.subdivisionHasHistory(subdivision, history) };
  return { ok: true };
}

/**
 * The refusal of a member's address that another member already uses. A representative
 * learns nothing about other subdivisions: an address held there (`holder`) gets a neutral
 * refusal, which the service records in the audit log (`auditHolder`); everyone else is told
 * plainly that the address is taken.
 */
export function duplicateEmailRefusal(
  actor: ScopedActor,
  email: string | undefined,
  holder: Pick<Member, "id" | "email" | "subdivisionId"> | null,
): { refusal: Refusal; auditHolder: Pick<Member, "id" | "email"> | null } {
  const scope = subdivisionScope(actor);
  if (scope.all || !email || !holder || holder.subdivisionId === scope.subdivisionId)
    return { refusal: UNION_REFUSALS.duplicateMemberEmail(), auditHolder: null };
  return {
    refusal: UNION_REFUSALS.memberEmailUsedElsewhere(holder.email),
    auditHolder: { id: holder.id, email: holder.email },
  };
}

/** Under the server's 1 MiB body limit: about 10,000 members. */
export const MAX_MEMBER_CSV_CHARS = 900_000;

export const MemberImportInput = z.object({
  csv: text({
    max: MAX_MEMBER_CSV_CHARS,
    multiline: true,
    tooLong: "Fichier trop volumineux : découpez-le en plusieurs imports.",
  }).min(1, { error: "Le fichier est vide." }),
  /** true: report only, write nothing. */
  dryRun: z.boolean().default(true),
});
export type MemberImportInput = z.input<typeof MemberImportInput>;

export const MemberImportResult = MemberImportReport.extend({
  dryRun: z.boolean(),
  /** Members written (0 for a dry run). */
  imported: z.int().nonnegative(),
});
export type MemberImportResult = z.infer<typeof MemberImportResult>;

/**
 * Whose members an import may write: admins and organisers any subdivision's
 * (`onlySubdivisionId` null), a representative their own only; a representative without a
 * subdivision may not import at all.
 */
export function decideImportScope(
  actor: ScopedActor,
): Decision<{ onlySubdivisionId: string | null }> {
  const scope = subdivisionScope(actor);
  if (scope.all) return { ok: true, onlySubdivisionId: null };
  if (!scope.subdivisionId) return { ok: false, refusal: SCOPE_REFUSALS.withoutSubdivision() };
  return { ok: true, onlySubdivisionId: scope.subdivisionId };
}

/** Every cell of the file that reads as an address: the ones to look up among the members. */
export const candidateEmails = (rows: readonly CsvRow[]): string[] =>
  rows
    .flatMap((r) => r.cells)
    .flatMap((cell) => {
      const parsed = Email.safeParse(cell);
      return parsed.success ? [parsed.data] : [];
    });

type CheckedRows<M extends { email: string }> = {
  valid: { line: number; member: M }[];
  errors: ImportRowError[];
};

/**
 * A representative's real import: the rows whose address a member of another subdivision
 * already uses (`usedElsewhere`) are refused with the neutral reason (their dry run, which
 * checks their own subdivision only, could not tell them).
 */
export function refuseAddressesUsedElsewhere<M extends { email: string }>(
  { valid, errors }: CheckedRows<M>,
  usedElsewhere: ReadonlySet<string>,
): CheckedRows<M> {
  const refused = valid
    .filter((v) => usedElsewhere.has(v.member.email))
    .map((v) => ({
      line: v.line,
      code: "duplicate_existing" as const,
      field: "email" as const,
      message: UNION_REFUSALS.memberEmailUsedElsewhere(v.member.email).message,
    }));
  return {
    valid: valid.filter((v) => !usedElsewhere.has(v.member.email)),
    errors: [...errors, ...refused].sort((a, b) => a.line - b.line),
  };
}
