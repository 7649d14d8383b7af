import { PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain/auth";
import {
  CatalogDeleteInput,
  CatalogDeleteResult,
  CatalogRef,
  Partner,
  PartnerInput,
  PartnerUpdate,
} from "@tribune/domain/congress";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createPartner } from "../services/partners/create";
import { deletePartner } from "../services/partners/delete";
import { getPartner, listAllPartners } from "../services/partners/queries";
import { updatePartner } from "../services/partners/update";
import { procedureFor } from "../trpc";

const reader = procedureFor(...PROGRAMME_READERS);
const editor = procedureFor(...PROGRAMME_EDITORS);

export const partnerRouter = {
  list: reader.output(z.array(Partner)).query(({ ctx }) => listAllPartners(ctx)),

  get: reader
    .input(CatalogRef)
    .output(Partner)
    .query(({ ctx, input }) => getPartner(ctx, input)),

  create: editor
    .input(PartnerInput)
    .output(Partner)
    .mutation(({ ctx, input }) => createPartner(ctx, input)),

  update: editor
    .input(PartnerUpdate)
    .output(Partner)
    .mutation(({ ctx, input }) => updatePartner(ctx, input)),

  /** Confirmed when sessions still name it: it is taken out of them. */
  delete: editor
    .input(CatalogDeleteInput)
    .output(CatalogDeleteResult)
    .mutation(({ ctx, input }) => deletePartner(ctx, input)),
} satisfies TRPCRouterRecord;
