import { existingMemberEmails, insertMembers } from "@tribune/db/repos/members";
import { listSubdivisions } from "@tribune/db/repos/subdivisions";
import { enforce } from "@tribune/domain/kernel";
import {
  candidateEmails,
  decideImportScope,
  type MemberImportInput,
  type MemberImportResult,
  refuseAddressesUsedElsewhere,
  validateMemberRows,
} from "@tribune/domain/union";
import type { z } from "zod";
import type { Actor } from "../../context";
import { parseCsv } from "../../csv";
import { change, clockOf, type ServiceContext } from "../kit";

/**
 * Imports members from a CSV. The dry run reports every bad row (line, reason) and writes
 * nothing; the real import writes the valid rows, all in one transaction, and reports the
 * same. Both are audited (a dry run with its counts only). A representative imports into
 * their own subdivision only, and learns nothing about the others: their dry run checks
 * duplicates against their own subdivision's members only, and the real import refuses an
 * address used elsewhere with a neutral reason.
 */
export function importMembersCsv(
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof MemberImportInput>,
): Promise<MemberImportResult> {
  const { onlySubdivisionId } = enforce(decideImportScope(ctx.actor));
  const own = onlySubdivisionId ? { subdivisionId: onlySubdivisionId } : {};
  const { header, rows } = parseCsv(input.csv);
  return change(ctx, async (tx, effects) => {
    const checked = validateMemberRows(header, rows, {
      subdivisions: await listSubdivisions(tx),
      existingEmails: await existingMemberEmails(tx, candidateEmails(rows), own),
      onlySubdivisionId,
      currentYear: clockOf(ctx).now().getFullYear(),
    });
    const { valid, errors } =
      input.dryRun || !onlySubdivisionId
        ? checked
        : refuseAddressesUsedElsewhere(
            checked,
            await existingMemberEmails(
              tx,
              checked.valid.map((v) => v.member.email),
            ),
          );
    const report = { rows: rows.length, valid: valid.length, errors, dryRun: input.dryRun };
    const refusedLines = [...new Set(errors.map((e) => e.line))];
    if (input.dryRun) {
      await effects.audit({
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
    await effects.audit({
      entity: "member",
      entityId: "import",
      action: "import",
      after: { imported, refusedLines, emails: valid.map((v) => v.member.email) },
    });
    return { ...report, imported };
  });
}
