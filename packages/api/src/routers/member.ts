import {
  type Executor,
  existingMemberEmails,
  findMember,
  findMemberByEmail,
  insertMember,
  insertMembers,
  listMembers,
  listSubdivisions,
  recordAudit,
  updateMember,
} from "@tribune/db";
import {
  DomainError,
  Email,
  MEMBER_MANAGERS,
  Member,
  MemberImportReport,
  MemberInput,
  MemberPage,
  MemberQuery,
  MemberUpdate,
  text,
  validateMemberRows,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import type { Context } from "../context";
import { parseCsv } from "../csv";
import { isUniqueViolation } from "../errors";
import { found } from "../found";
import { assertMaySee, scopedSubdivision, subdivisionScope } from "../scope";
import { procedureFor } from "../trpc";

const manager = procedureFor(...MEMBER_MANAGERS);

/** Under the server's 1 MiB body limit: about 10,000 members. */
const MAX_CSV_CHARS = 900_000;

export const MemberImportInput = z.object({
  csv: text({
    max: MAX_CSV_CHARS,
    multiline: true,
    tooLong: "Fichier trop volumineux : découpez-le en plusieurs imports.",
  }).min(1, { error: "Le fichier est vide." }),
  /** true: report only, write nothing. */
  dryRun: z.boolean().default(true),
});

export const MemberImportResult = MemberImportReport.extend({
  dryRun: z.boolean(),
  /** Members written (0 for a dry run). */
  imported: z.int().nonnegative(),
});

const DUPLICATE_EMAIL = "Un·e adhérent·e utilise déjà cette adresse e-mail.";
/** What a representative is told of an address used outside their subdivision: nothing more. */
const notYoursToRecord = (email: string) =>
  `L'adresse ${email} ne peut pas être enregistrée dans votre subdivision : contactez l'organisation du congrès.`;

/**
 * Refuses a duplicate email with a message that says so, instead of the generic one. A
 * representative learns nothing about other subdivisions: an address used there gets a neutral
 * refusal, and the attempt is audited (one address per call, and each call leaves a trace).
 */
async function refuseDuplicateEmail<T>(
  ctx: Context & { actor: NonNullable<Context["actor"]> },
  email: string | undefined,
  action: "create" | "update",
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const scope = subdivisionScope(ctx.actor);
    if (scope.all || !email) throw new DomainError("already_exists", DUPLICATE_EMAIL);
    const holder = await findMemberByEmail(ctx.db, email);
    if (!holder || holder.subdivisionId === scope.subdivisionId)
      throw new DomainError("already_exists", DUPLICATE_EMAIL);
    await recordAudit(ctx.db, auditActor(ctx.actor), {
      entity: "member",
      entityId: holder.id,
      action,
      after: { refused: "email_used_elsewhere", email: holder.email },
    });
    throw new DomainError("already_exists", notYoursToRecord(holder.email));
  }
}

/**
 * A representative's real import: the rows whose address a member of another subdivision
 * already uses are refused with the neutral reason (their dry run could not tell them).
 */
async function refuseAddressesUsedElsewhere(
  tx: Executor,
  { valid, errors }: ReturnType<typeof validateMemberRows>,
): Promise<ReturnType<typeof validateMemberRows>> {
  const elsewhere = await existingMemberEmails(
    tx,
    valid.map((v) => v.member.email),
  );
  const refused = valid
    .filter((v) => elsewhere.has(v.member.email))
    .map((v) => ({
      line: v.line,
      code: "duplicate_existing" as const,
      field: "email" as const,
      message: notYoursToRecord(v.member.email),
    }));
  return {
    valid: valid.filter((v) => !elsewhere.has(v.member.email)),
    errors: [...errors, ...refused].sort((a, b) => a.line - b.line),
  };
}

export const memberRouter = {
  list: manager
    .input(MemberQuery)
    .output(MemberPage)
    .query(async ({ ctx, input }) => {
      const scope = scopedSubdivision(ctx.actor, input.subdivisionId);
      if (!scope) return { items: [], total: 0 };
      return listMembers(ctx.db, { ...input, subdivisionId: scope.subdivisionId });
    }),

  get: manager
    .input(z.object({ id: z.uuid() }))
    .output(Member)
    .query(async ({ ctx, input }) => {
      const member = found(await findMember(ctx.db, input.id), "Adhérent·e");
      assertMaySee(ctx.actor, member.subdivisionId);
      return member;
    }),

  create: manager
    .input(MemberInput)
    .output(Member)
    .mutation(({ ctx, input }) => {
      assertMaySee(ctx.actor, input.subdivisionId);
      return refuseDuplicateEmail(ctx, input.email, "create", () =>
        ctx.db.transaction(async (tx) => {
          const member = await insertMember(tx, input);
          await recordAudit(tx, auditActor(ctx.actor), {
            entity: "member",
            entityId: member.id,
            action: "create",
            after: member,
          });
          return member;
        }),
      );
    }),

  update: manager
    .input(MemberUpdate)
    .output(Member)
    .mutation(({ ctx, input: { id, ...patch } }) =>
      refuseDuplicateEmail(ctx, patch.email, "update", () =>
        ctx.db.transaction(async (tx) => {
          const before = found(await findMember(tx, id), "Adhérent·e");
          assertMaySee(ctx.actor, before.subdivisionId);
          // A representative cannot hand a member over to another subdivision either.
          if (patch.subdivisionId) assertMaySee(ctx.actor, patch.subdivisionId);
          const member = await updateMember(tx, id, patch, before);
          await recordAudit(tx, auditActor(ctx.actor), {
            entity: "member",
            entityId: id,
            action: "update",
            before,
            after: member,
          });
          return member;
        }),
      ),
    ),

  /**
   * Imports members from a CSV. The dry run reports every bad row (line, reason) and writes
   * nothing; the real import writes the valid rows, all in one transaction, and reports the
   * same. Both are audited (a dry run with its counts only). A representative imports into
   * their own subdivision only, and learns nothing about the others: their dry run checks
   * duplicates against their own subdivision's members only, and the real import refuses an
   * address used elsewhere with a neutral reason.
   */
  importCsv: manager
    .input(MemberImportInput)
    .output(MemberImportResult)
    .mutation(async ({ ctx, input }) => {
      const scope = subdivisionScope(ctx.actor);
      if (!scope.all && !scope.subdivisionId)
        throw new DomainError("forbidden", "Votre compte n'est rattaché à aucune subdivision.");
      const own = scope.all ? {} : { subdivisionId: scope.subdivisionId as string };
      const { header, rows } = parseCsv(input.csv);
      const emailColumnGuess = rows.flatMap((r) => r.cells).map((c) => Email.safeParse(c));
      const candidates = emailColumnGuess.flatMap((p) => (p.success ? [p.data] : []));
      return ctx.db.transaction(async (tx) => {
        const checked = validateMemberRows(header, rows, {
          subdivisions: await listSubdivisions(tx),
          existingEmails: await existingMemberEmails(tx, candidates, own),
          onlySubdivisionId: scope.all ? null : scope.subdivisionId,
          currentYear: new Date().getFullYear(),
        });
        const { valid, errors } =
          input.dryRun || scope.all ? checked : await refuseAddressesUsedElsewhere(tx, checked);
        const report = { rows: rows.length, valid: valid.length, errors, dryRun: input.dryRun };
        const refusedLines = [...new Set(errors.map((e) => e.line))];
        if (input.dryRun) {
          await recordAudit(tx, auditActor(ctx.actor), {
            entity: "member",
            entityId: "import",
            action: "import",
            after: {
              dryRun: true,
              rows: rows.length,
              valid: valid.length,
              refused: refusedLines.length,
            },
          });
          return { ...report, imported: 0 };
        }
        const imported = await insertMembers(
          tx,
          valid.map((v) => v.member),
        );
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "member",
          entityId: "import",
          action: "import",
          after: { imported, refusedLines, emails: valid.map((v) => v.member.email) },
        });
        return { ...report, imported };
      });
    }),
} satisfies TRPCRouterRecord;
