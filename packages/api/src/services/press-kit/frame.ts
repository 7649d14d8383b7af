import type { Executor } from "@tribune/db";
import { findEdition, findEditionByYear } from "@tribune/db/repos/editions";
import {
  findPressKitFrame,
  listPressKitFrames,
  savePressKitFrame,
} from "@tribune/db/repos/press-kit-frames";
import { enforce } from "@tribune/domain/kernel";
import {
  FRAME_REFUSALS,
  frameTemplate,
  type PressKitFrame,
  type PressKitFrameEdit,
  PressKitFrame as PressKitFrameSchema,
  type PressKitFrameState,
} from "@tribune/domain/press-kit";
import type { Actor } from "../../context";
import { found } from "../../found";
import { assertEditionWritable } from "../editions/writable";
import { change, type ServiceContext } from "../kit";

/**
 * The frame of an edition's kit: the stored one, else a template (`frameTemplate`) keeping
 * the organisation and congress name of the closest earlier edition's frame (else the latest
 * one's) — never another edition's headings, contacts or figures.
 */
export async function frameStateOf(db: Executor, editionId: string): Promise<PressKitFrameState> {
  const stored = await findPressKitFrame(db, editionId);
  if (stored) return { ...stored.frame, stored: true, ...stamps(stored) };
  return { ...(await templateFor(db, editionId)), stored: false, updatedAt: null, updatedBy: null };
}

const stamps = (s: { updatedAt: string; updatedBy: string | null }) => ({
  updatedAt: s.updatedAt,
  updatedBy: s.updatedBy,
});

/** The frame the kit prints with (stored or template). */
export async function frameOf(db: Executor, editionId: string): Promise<PressKitFrame> {
  const { stored: _s, updatedAt: _a, updatedBy: _b, ...frame } = await frameStateOf(db, editionId);
  return frame;
}

/** A new edition's frame from scratch: the previous edition's organisation, nothing else. */
export async function templateFor(db: Executor, editionId: string | null): Promise<PressKitFrame> {
  const frames = (await listPressKitFrames(db)).filter((f) => f.editionId !== editionId);
  const year = editionId ? (await findEdition(db, editionId))?.year : undefined;
  const previous =
    (year === undefined ? undefined : frames.find((f) => f.year < year)) ?? frames[0];
  return frameTemplate(previous?.frame ?? null);
}

/** The frame of an edition's kit, by year, as the admin edits it. */
export async function getFrame(
  ctx: ServiceContext,
  { year }: { year: number },
): Promise<PressKitFrameState> {
  const edition = found(await findEditionByYear(ctx.db, year), `L'édition ${year}`);
  return frameStateOf(ctx.db, edition.id);
}

/**
 * Saves the frame's organisation, congress name, headings, flash topics and contacts, audited
 * (the figure definitions are kept). Refused on an archived edition, or when nothing changed.
 */
export function updateFrame(
  ctx: ServiceContext & { actor: Actor },
  { year, ...fields }: PressKitFrameEdit,
): Promise<PressKitFrameState> {
  return change(ctx, async (tx, effects) => {
    const edition = await assertEditionWritable(
      tx,
      found(await findEditionByYear(tx, year), `L'édition ${year}`).id,
    );
    // Parsed: the same key order on both sides (jsonb keeps its own).
    const before = PressKitFrameSchema.parse(await frameOf(tx, edition.id));
    const after = PressKitFrameSchema.parse({ ...before, ...fields });
    if (JSON.stringify(after) === JSON.stringify(before)) enforce(refused());
    await savePressKitFrame(tx, edition.id, after, ctx.actor.email);
    const { figures: _bf, ...auditBefore } = before;
    const { figures: _af, ...auditAfter } = after;
    await effects.audit({
      entity: "press_kit_section",
      entityId: frameEntityId(year),
      action: "update",
      before: auditBefore,
      after: auditAfter,
    });
    return frameStateOf(tx, edition.id);
  });
}

const refused = () => ({ ok: false as const, refusal: FRAME_REFUSALS.unchanged() });

/** How the audit log names an edition's kit frame: "2027/cadre". */
export const frameEntityId = (year: number) => `${year}/cadre`;
