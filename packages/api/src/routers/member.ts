import { MEMBER_MANAGERS } from "@tribune/domain/auth";
import {
  Member,
  MemberImportInput,
  MemberImportResult,
  MemberInput,
  MemberPage,
  MemberQuery,
  MemberRef,
  MemberUpdate,
} from "@tribune/domain/union";
import type { TRPCRouterRecord } from "@trpc/server";
import { createMember } from "../services/members/create";
import { importMembersCsv } from "../services/members/import-csv";
import { getMember, listScopedMembers } from "../services/members/queries";
import { updateMember } from "../services/members/update";
import { procedureFor } from "../trpc";

/** Admins and organisers manage every subdivision's members, a representative their own. */
const manager = procedureFor(...MEMBER_MANAGERS);

export const memberRouter = {
  list: manager
    .input(MemberQuery)
    .output(MemberPage)
    .query(({ ctx, input }) => listScopedMembers(ctx, input)),

  get: manager
    .input(MemberRef)
    .output(Member)
    .query(({ ctx, input }) => getMember(ctx, input)),

  /** An address already used is refused; a representative is told nothing about other subdivisions. */
  create: manager
    .input(MemberInput)
    .output(Member)
    .mutation(({ ctx, input }) => createMember(ctx, input)),

  update: manager
    .input(MemberUpdate)
    .output(Member)
    .mutation(({ ctx, input }) => updateMember(ctx, input)),

  /**
   * Imports members from a CSV: a dry run reports every bad row and writes nothing; the real
   * import writes the valid rows in one transaction. Both are audited.
   */
  importCsv: manager
    .input(MemberImportInput)
    .output(MemberImportResult)
    .mutation(({ ctx, input }) => importMembersCsv(ctx, input)),
} satisfies TRPCRouterRecord;
