import { PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain/auth";
import {
  CatalogDeleteInput,
  CatalogDeleteResult,
  CatalogRef,
  Speaker,
  SpeakerInput,
  SpeakerUpdate,
} from "@tribune/domain/congress";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createSpeaker } from "../services/speakers/create";
import { deleteSpeaker } from "../services/speakers/delete";
import { getSpeaker, listAllSpeakers } from "../services/speakers/queries";
import { updateSpeaker } from "../services/speakers/update";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);
const editor = procedureFor(...PROGRAMME_EDITORS);

export const speakerRouter = {
  list: reader.output(z.array(Speaker)).query(({ ctx }) => listAllSpeakers(ctx)),

  get: reader
    .input(CatalogRef)
    .output(Speaker)
    .query(({ ctx, input }) => getSpeaker(ctx, input)),

  create: editor
    .input(SpeakerInput)
    .output(Speaker)
    .mutation(({ ctx, input }) => createSpeaker(ctx, input)),

  update: editor
    .input(SpeakerUpdate)
    .output(Speaker)
    .mutation(({ ctx, input }) => updateSpeaker(ctx, input)),

  /** Confirmed when sessions still name it: it is taken out of them. */
  delete: editor
    .input(CatalogDeleteInput)
    .output(CatalogDeleteResult)
    .mutation(({ ctx, input }) => deleteSpeaker(ctx, input)),
} satisfies TRPCRouterRecord;
