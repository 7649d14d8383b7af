import {
  findEditionByYear,
  listEditionPartnerIds,
  setEditionPartners,
} from "@tribune/db/repos/editions";
import {
  listManualFigures,
  saveManualFigure,
  savePressKitFrame,
} from "@tribune/db/repos/press-kit-frames";
import { listPressKitSections, savePressKitSection } from "@tribune/db/repos/press-kit-sections";
import { editionCapacity } from "@tribune/db/repos/registrations";
import { insertRoom, listRooms } from "@tribune/db/repos/rooms";
import { insertSession, listSessions } from "@tribune/db/repos/sessions";
import { insertSessionCapacity, listSessionCapacities } from "@tribune/db/repos/signups";
import { insertSurvey, listSurveys } from "@tribune/db/repos/surveys";
import {
  copyPlan,
  type EditionCopyReport,
  type EditionFromInput,
  type EditionWithBudget,
  EditionFromInput as FromInput,
} from "@tribune/domain/congress";
import { found } from "../../found";
import { change, type ServiceContext } from "../kit";
import { frameOf } from "../press-kit/frame";
import { insertNewEdition } from "./create";

/**
 * A new edition from a previous one, in one transaction: what `copyPlan` decides (rooms with
 * their capacities, the edition-wide capacity, press-kit texts as drafts, the kit's frame and
 * its manual key figures, and as asked the partners, the surveys as drafts for the new year,
 * the programme as draft sessions on the new days with the places set for each). Registrations,
 * check-ins, sign-ups, survey responses and votes are never read, so never copied.
 */
export function createEditionFrom(
  ctx: ServiceContext,
  raw: EditionFromInput,
): Promise<{ edition: EditionWithBudget; copied: EditionCopyReport }> {
  const { fromYear, copy, ...given } = FromInput.parse(raw);
  return change(ctx, async (tx, effects) => {
    const from = found(await findEditionByYear(tx, fromYear), `L'édition ${fromYear}`);
    const capacity =
      given.capacity !== undefined ? given.capacity : (await editionCapacity(tx, from.id)).capacity;
    const edition = await insertNewEdition(
      tx,
      effects,
      {
        ...given,
        theme: given.theme ?? from.theme,
        subtitle: given.subtitle ?? from.subtitle,
        city: given.city ?? from.city,
        venue: given.venue ?? from.venue,
        timeZone: given.timeZone ?? from.timeZone,
        expectedAttendance: given.expectedAttendance ?? from.expectedAttendance,
        capacity,
        budgetEuros: given.budgetEuros ?? from.budgetEuros,
      },
      fromYear,
    );
    const plan = copyPlan(
      {
        edition: from,
        rooms: await listRooms(tx, from.id),
        sessions: copy.programme ? await listSessions(tx, from.id) : [],
        sections: await listPressKitSections(tx, from.id),
        surveys: copy.surveys ? await listSurveys(tx) : [],
        partnerIds: copy.partners ? await listEditionPartnerIds(tx, from.id) : [],
        sessionPlaces: copy.programme ? await listSessionCapacities(tx, from.id) : new Map(),
        manualFigures: await listManualFigures(tx, from.id),
      },
      edition,
      copy,
      () => crypto.randomUUID(),
    );
    for (const room of plan.rooms) await insertRoom(tx, room);
    const by = ctx.actor?.email ?? null;
    let sessionPlaces = 0;
    for (const { places, ...session } of plan.sessions) {
      const saved = await insertSession(tx, session);
      if (places === null) continue;
      await insertSessionCapacity(tx, edition.id, saved.id, places);
      sessionPlaces += 1;
    }
    for (const section of plan.sections) await savePressKitSection(tx, edition.id, section, by);
    // The kit's frame (organisation, headings, contacts, figure definitions) as the previous
    // edition had it, stored or template: edited from there for the new year.
    await savePressKitFrame(tx, edition.id, await frameOf(tx, from.id), by);
    for (const figure of plan.manualFigures) await saveManualFigure(tx, edition.id, figure, by);
    for (const survey of plan.surveys) await insertSurvey(tx, survey);
    await setEditionPartners(tx, edition.id, plan.partnerIds);
    const copied: EditionCopyReport = {
      fromYear,
      rooms: plan.rooms.length,
      sessions: plan.sessions.length,
      sessionsLeftOut: plan.sessionsLeftOut,
      sections: plan.sections.length,
      surveys: plan.surveys.map((s) => s.slug),
      partners: plan.partnerIds.length,
      frame: true,
      sessionPlaces,
      capacity,
      manualFigures: plan.manualFigures.length,
    };
    await effects.audit({
      entity: "edition",
      entityId: edition.id,
      action: "update",
      after: { copied },
    });
    effects.publish({ type: "programme.changed", editionId: edition.id });
    return { edition, copied };
  });
}
