import * as db from "@tribune/db";
import { Speaker, SpeakerInput, SpeakerUpdate } from "@tribune/domain";
import { catalogRouter } from "../catalog";

export const speakerRouter = catalogRouter({
  entity: "speaker",
  label: "Intervenant·e",
  schema: Speaker,
  input: SpeakerInput,
  update: SpeakerUpdate,
  repo: {
    list: db.listSpeakers,
    find: db.findSpeaker,
    insert: db.insertSpeaker,
    update: db.updateSpeaker,
    countUses: db.countSpeakerUses,
    remove: db.deleteSpeaker,
  },
  referencedMessage: (s, uses) =>
    `${s.name} intervient dans ${uses} session(s). Confirmez pour la ou le retirer de ces sessions et supprimer sa fiche.`,
});
