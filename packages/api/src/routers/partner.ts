import * as db from "@tribune/db";
import { Partner, PartnerInput, PartnerUpdate } from "@tribune/domain";
import { catalogRouter } from "../catalog";

export const partnerRouter = catalogRouter({
  entity: "partner",
  label: "Partenaire",
  schema: Partner,
  input: PartnerInput,
  update: PartnerUpdate,
  repo: {
    list: db.listPartners,
    find: db.findPartner,
    insert: db.insertPartner,
    update: db.updatePartner,
    countUses: db.countPartnerUses,
    remove: db.deletePartner,
  },
  referencedMessage: (p, uses) =>
    `Le partenaire « ${p.name} » est associé à ${uses} session(s). Confirmez pour le retirer de ces sessions et le supprimer.`,
});
