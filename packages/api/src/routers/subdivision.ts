import {
  countMembersByYear,
  countSubdivisionUses,
  deleteSubdivision,
  findSubdivision,
  insertSubdivision,
  listRepresentatives,
  listSubdivisionOptions,
  listSubdivisionSummaries,
  listSubdivisions,
  recordAudit,
  type SubdivisionUses,
  updateSubdivision,
} from "@tribune/db";
import {
  DomainError,
  MEMBER_MANAGERS,
  SUBDIVISION_EDITORS,
  SUBDIVISION_READERS,
  Subdivision,
  SubdivisionDetail,
  SubdivisionInput,
  SubdivisionOption,
  SubdivisionSummary,
  SubdivisionUpdate,
  subdivisionMatcher,
} from "@tribune/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditActor } from "../audit";
import { found } from "../found";
import { assertMaySee } from "../scope";
import { procedureFor, publicProcedure } from "../trpc";

/** The union decides who is in the federation; its organisers record the decision. */
const federationEditor = procedureFor(...SUBDIVISION_EDITORS);

const USE_LABELS: Record<keyof SubdivisionUses, string> = {
  members: "fiche(s) adhérent·e",
  registrations: "inscription(s) au congrès",
  accounts: "compte(s) de représentant·e",
  caMeetings: "CA accueilli(s)",
  motionVotes: "vote(s) de motion",
};

/** "12 fiche(s) adhérent·e, 3 inscription(s) au congrès", or "" when nothing points at it. */
const describeUses = (uses: SubdivisionUses) =>
  (Object.keys(USE_LABELS) as (keyof SubdivisionUses)[])
    .filter((key) => uses[key] > 0)
    .map((key) => `${uses[key]} ${USE_LABELS[key]}`)
    .join(", ");

export const subdivisionRouter = {
  /** Names only, for the public registration form. */
  options: publicProcedure
    .output(z.array(SubdivisionOption))
    .query(({ ctx }) => listSubdivisionOptions(ctx.db)),

  /** Every subdivision with its counts (aggregates only, no person named). */
  list: procedureFor(...SUBDIVISION_READERS)
    .output(z.array(SubdivisionSummary))
    .query(({ ctx }) => listSubdivisionSummaries(ctx.db)),

  /** One subdivision with its representatives; a representative sees their own only. */
  get: procedureFor(...MEMBER_MANAGERS)
    .input(z.object({ id: z.uuid() }))
    .output(SubdivisionDetail)
    .query(async ({ ctx, input }) => {
      assertMaySee(ctx.actor, input.id);
      const summary = (await listSubdivisionSummaries(ctx.db)).find((s) => s.id === input.id);
      const subdivision = found(summary, "Subdivision");
      return {
        ...subdivision,
        representativeList: await listRepresentatives(ctx.db, input.id),
        membersByYear: await countMembersByYear(ctx.db, input.id),
      };
    }),

  update: procedureFor(...MEMBER_MANAGERS)
    .input(SubdivisionUpdate)
    .output(Subdivision)
    .mutation(({ ctx, input }) => {
      assertMaySee(ctx.actor, input.id);
      return ctx.db.transaction(async (tx) => {
        const before = found(await findSubdivision(tx, input.id), "Subdivision");
        const after = await updateSubdivision(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "subdivision",
          entityId: input.id,
          action: "update",
          before,
          after,
        });
        return after;
      });
    }),

  /**
   * Admits a subdivision to the federation: it is on the public registration form at once.
   * A name, slug or alias another subdivision already answers to is refused, whatever the case
   * or accents, since CSV imports find subdivisions by any of them.
   */
  create: federationEditor
    .input(SubdivisionInput)
    .output(Subdivision)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const existing = subdivisionMatcher(await listSubdivisions(tx));
        const twin = existing(input.name) ?? existing(input.slug);
        if (twin) {
          throw new DomainError(
            "already_exists",
            `La subdivision « ${twin.name} » existe déjà (identifiant « ${twin.slug} »).`,
          );
        }
        const created = await insertSubdivision(tx, input);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "subdivision",
          entityId: created.id,
          action: "create",
          after: created,
        });
        return created;
      }),
    ),

  /**
   * Removes a subdivision recorded by mistake. One that has members, registrations,
   * representatives or votes keeps them: it is refused (`referenced`), not cascaded.
   */
  delete: federationEditor
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = found(await findSubdivision(tx, input.id), "Subdivision");
        const uses = describeUses(await countSubdivisionUses(tx, input.id));
        if (uses) {
          throw new DomainError(
            "referenced",
            `La subdivision « ${before.name} » a un historique (${uses}) : elle ne peut être supprimée.`,
          );
        }
        await deleteSubdivision(tx, input.id);
        await recordAudit(tx, auditActor(ctx.actor), {
          entity: "subdivision",
          entityId: input.id,
          action: "delete",
          before,
        });
        return { id: input.id };
      }),
    ),
} satisfies TRPCRouterRecord;
