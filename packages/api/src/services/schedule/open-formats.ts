import { listRooms } from "@tribune/db/repos/rooms";
import { listSessionStamps } from "@tribune/db/repos/session-stamps";
import type { EditionYear } from "@tribune/domain/congress";
import type { OpenProgramme, RoomRef } from "@tribune/domain/schedule";
import type { z } from "zod";
import type { ServiceContext } from "../kit";
import { publicProgramme } from "./queries";

/** Which edition, and the address the links of the documents start with. */
export interface OpenFormatQuery extends z.output<typeof EditionYear> {
  /** "https://tribune.example.org" (no trailing slash): the server's public address. */
  baseUrl: string;
}

/**
 * The published programme of an edition with what the open formats add (each session's guid
 * and revision, the rooms): drafts are never included, whatever the format.
 */
export async function openProgramme(
  ctx: ServiceContext,
  input: OpenFormatQuery,
): Promise<OpenProgramme & { rooms: RoomRef[] }> {
  const programme = await publicProgramme(ctx, { year: input.year });
  const stamps = await listSessionStamps(ctx.db, programme.edition.id);
  const rooms = await listRooms(ctx.db, programme.edition.id);
  return {
    programme,
    stamps: new Map(stamps.map((s) => [s.id, s])),
    baseUrl: input.baseUrl.replace(/\/+$/, ""),
    rooms: [...rooms].sort((a, b) => a.order - b.order).map((r) => ({ id: r.id, name: r.name })),
  };
}
