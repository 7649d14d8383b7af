import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, rejection, useSeededApi } from "../test-support";

const LILLE = referenceSubdivision("lille").id;

describe.each(testBackends())("editing and deleting motions and CA meetings on %s", (backend) => {
  const api = useSeededApi(backend);
  let bureau: Caller;

  beforeAll(async () => {
    bureau = await api.callerAs("bureau");
  });

  const motionAt = async (meetingId: string) =>
    bureau.motion.create({ meetingId, title: "Motion", text: "Le CA demande…" });

  it("edits a motion freely until the first vote, then locks its text, rule and meeting", async () => {
    const meeting = await bureau.motion.createMeeting({ date: "2026-03-14", city: "Lille" });
    const other = await bureau.motion.createMeeting({ date: "2026-06-13", city: "Brest" });
    const motion = await motionAt(meeting.id);
    const edited = await bureau.motion.update({
      id: motion.id,
      text: "Le CA exige…",
      rule: "two_thirds",
      meetingId: other.id,
    });
    expect(edited).toMatchObject({ text: "Le CA exige…", rule: "two_thirds", meetingId: other.id });

    await (await api.representativeOf(LILLE)).motion.vote({ motionId: motion.id, choice: "for" });
    for (const change of [
      { text: "Autre texte" },
      { rule: "simple" as const },
      { meetingId: meeting.id },
    ]) {
      const error = await rejection(bureau.motion.update({ id: motion.id, ...change }));
      expect(error.data).toMatchObject({ code: "CONFLICT", appCode: "locked" });
      expect(error.message).toBe(
        "1 subdivision a déjà voté cette motion : son texte, sa règle et son Conseil ne peuvent plus changer.",
      );
    }
    // The title may still be corrected; the same text sent again changes nothing.
    const retitled = await bureau.motion.update({
      id: motion.id,
      title: "Motion sur les gardes",
      text: "Le CA exige…",
    });
    expect(retitled).toMatchObject({ title: "Motion sur les gardes", text: "Le CA exige…" });
    const deletion = await rejection(bureau.motion.delete({ id: motion.id }));
    expect(deletion.data).toMatchObject({ code: "CONFLICT", appCode: "locked" });
    expect((await bureau.motion.get({ id: motion.id })).result.pour).toBe(1);
  });

  it("deletes a motion nobody voted on, audited; not for the press or a representative", async () => {
    const [meeting] = await bureau.motion.meetings();
    if (!meeting) throw new Error("no meeting");
    const motion = await motionAt(meeting.id);
    for (const caller of [await api.callerAs("press"), await api.representativeOf(LILLE)])
      expect((await rejection(caller.motion.delete({ id: motion.id }))).data.code).toBe(
        "FORBIDDEN",
      );
    expect(await bureau.motion.delete({ id: motion.id })).toEqual({ id: motion.id });
    expect((await rejection(bureau.motion.get({ id: motion.id }))).data.code).toBe("NOT_FOUND");
    const [entry] = await listAudit(api.db, { entity: "motion", limit: 1 });
    expect(entry).toMatchObject({ action: "delete", entityId: motion.id });
  });

  it("edits a meeting, and deletes it only once it holds no motion", async () => {
    const meeting = await bureau.motion.createMeeting({ date: null, city: "Tours" });
    const edited = await bureau.motion.updateMeeting({
      id: meeting.id,
      date: "2026-09-19",
      note: "Accueilli par l'AIMG Tours.",
    });
    expect(edited).toMatchObject({
      city: "Tours",
      date: "2026-09-19",
      note: "Accueilli par l'AIMG Tours.",
    });
    const motion = await motionAt(meeting.id);
    const refused = await rejection(bureau.motion.deleteMeeting({ id: meeting.id }));
    expect(refused.data).toMatchObject({ code: "CONFLICT", appCode: "referenced" });
    expect(refused.message).toBe(
      "Ce Conseil d'Administration porte 1 motion : supprimez-la ou rattachez-la à un autre Conseil d'abord.",
    );
    await bureau.motion.delete({ id: motion.id });
    await bureau.motion.deleteMeeting({ id: meeting.id });
    expect((await bureau.motion.meetings()).map((m) => m.id)).not.toContain(meeting.id);
    const audit = await listAudit(api.db, { entity: "ca_meeting", limit: 3 });
    expect(audit.map((e) => e.action)).toEqual(["delete", "update", "create"]);
  });
});
