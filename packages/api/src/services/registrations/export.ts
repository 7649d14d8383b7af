import { findEdition } from "@tribune/db/repos/editions";
import { allRegistrations } from "@tribune/db/repos/registrations";
import { listSubdivisions } from "@tribune/db/repos/subdivisions";
import { formatDateTime } from "@tribune/domain/format";
import { enforce, refusalError } from "@tribune/domain/kernel";
import {
  REGISTRATION_STATUS_LABELS,
  type RegistrationExport,
  type RegistrationExportInput,
  SCOPE_REFUSALS,
  subdivisionFilter,
  YEAR_OF_TRAINING_LABELS,
} from "@tribune/domain/union";
import type { Actor } from "../../context";
import { toSpreadsheetCsv } from "../../csv";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";

const EXPORT_HEADER = [
  "Code",
  "Prénom",
  "Nom",
  "E-mail",
  "Subdivision",
  "Année de formation",
  "Statut",
  "Position en liste d'attente",
  "Repas",
  "Soirée de gala",
  "Inscription",
  "Arrivée",
  "Donnée synthétique",
];

const parisDateTime = (instant: string | null) => (instant ? formatDateTime(instant) : "");

/**
 * The registrations as a CSV for spreadsheets (UTF-8 with BOM, semicolons), filtered by
 * subdivision and status, within the actor's scope. Personal data leaves the system: every
 * export is audited.
 */
export async function exportRegistrations(
  ctx: ServiceContext & { actor: Actor },
  input: RegistrationExportInput,
): Promise<RegistrationExport> {
  return change(ctx, async (tx, effects) => {
    const edition = found(await findEdition(tx, input.editionId), "Édition");
    const { filter } = enforce(subdivisionFilter(ctx.actor, input.subdivisionId));
    if (!filter) throw refusalError(SCOPE_REFUSALS.withoutSubdivision());
    const filters = { ...input, subdivisionId: filter.subdivisionId };
    const [registrations, subdivisions] = await Promise.all([
      allRegistrations(tx, filters),
      listSubdivisions(tx),
    ]);
    const nameOf = new Map(subdivisions.map((s) => [s.id, s.name]));
    const csv = toSpreadsheetCsv(
      EXPORT_HEADER,
      registrations.map((r) => [
        r.code,
        r.firstName,
        r.lastName,
        r.email,
        nameOf.get(r.subdivisionId) ?? "",
        r.yearOfTraining ? (YEAR_OF_TRAINING_LABELS[r.yearOfTraining] ?? "") : "",
        REGISTRATION_STATUS_LABELS[r.status],
        r.waitlistPosition ?? "",
        r.meals ? "oui" : "non",
        r.gala ? "oui" : "non",
        parisDateTime(r.registeredAt),
        parisDateTime(r.checkedInAt),
        r.synthetic ? "oui" : "non",
      ]),
    );
    // Personal data leaving the system: the export is on record with the rows it gave.
    await effects.audit({
      entity: "registration",
      entityId: input.editionId,
      action: "export",
      after: { filters, rows: registrations.length },
    });
    const parts = [
      "inscriptions",
      String(edition.year),
      filters.subdivisionId
        ? (subdivisions.find((s) => s.id === filters.subdivisionId)?.slug ?? "")
        : "",
      input.status ?? "",
    ].filter(Boolean);
    return { filename: `${parts.join("-")}.csv`, csv, rows: registrations.length };
  });
}
