import { listAudit } from "@tribune/db/repos/audit";
import { testBackends } from "@tribune/db/testing";
import type { MemberInput } from "@tribune/domain/union";
import { referenceSubdivision } from "@tribune/reference";
import { beforeAll, describe, expect, it } from "vitest";
import { rejection, useSeededApi } from "../test-support";

const LILLE = referenceSubdivision("lille").id;
const TOULOUSE = referenceSubdivision("toulouse").id;

const member = (email: string, subdivisionId: string): MemberInput => ({
  subdivisionId,
  firstName: "Léa",
  lastName: "Martin",
  email,
  yearOfTraining: 2,
  membershipStatus: "active",
  membershipYear: 2026,
  synthetic: false,
});

describe.each(testBackends())("subdivisions and members on %s", (backend) => {
  const api = useSeededApi(backend);

  it("lists the 23 subdivisions publicly by name only, and with counts to readers", async () => {
    const options = await (await api.anonymous()).subdivision.options();
    expect(options).toHaveLength(23);
    expect(Object.keys(options[0] ?? {}).sort()).toEqual(["id", "name", "slug"]);
    const organiser = await api.callerAs("organiser");
    await organiser.member.create(member("compte@exemple.fr", LILLE));
    const lille = (await organiser.subdivision.list()).find((s) => s.id === LILLE);
    expect(lille).toMatchObject({ name: "Lille", unionName: "AIMGL", members: 1 });
  });

  describe("a representative of Toulouse", () => {
    let lilleMemberId: string;

    beforeAll(async () => {
      const organiser = await api.callerAs("organiser");
      lilleMemberId = (await organiser.member.create(member("lillois@exemple.fr", LILLE))).id;
      await organiser.member.create(member("toulousaine@exemple.fr", TOULOUSE));
    });

    it("sees their own subdivision's members and representatives", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const page = await rep.member.list({});
      expect(page.items.map((m) => m.email)).toEqual(["toulousaine@exemple.fr"]);
      const detail = await rep.subdivision.get({ id: TOULOUSE });
      expect(detail.representativeList.map((r) => r.email)).toEqual([
        expect.stringMatching(/^representative-/),
      ]);
      expect(detail.membersByYear).toEqual([0, 1, 0, 0]);
    });

    it("cannot read Lille's members, by list, by id or through the subdivision", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      for (const call of [
        () => rep.member.list({ subdivisionId: LILLE }),
        () => rep.member.get({ id: lilleMemberId }),
        () => rep.subdivision.get({ id: LILLE }),
        () =>
          rep.registration.list({
            editionId: "00000001-0000-4000-8000-00000000001a",
            subdivisionId: LILLE,
          }),
      ]) {
        const error = await rejection(call());
        expect(error.data).toMatchObject({ code: "FORBIDDEN", appCode: "forbidden" });
        expect(error.message).toBe("Vous n'avez accès qu'aux données de votre subdivision.");
      }
    });

    it("cannot change Lille's members, nor move one there, nor add one there", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const own = (await rep.member.list({})).items[0];
      for (const call of [
        () => rep.member.update({ id: lilleMemberId, yearOfTraining: 3 }),
        () => rep.member.update({ id: own?.id as string, subdivisionId: LILLE }),
        () => rep.member.create(member("intrus@exemple.fr", LILLE)),
        () => rep.subdivision.update({ id: LILLE, contactEmail: "pirate@exemple.fr" }),
      ]) {
        expect((await rejection(call())).data.code).toBe("FORBIDDEN");
      }
      const organiser = await api.callerAs("organiser");
      expect(await organiser.member.get({ id: lilleMemberId })).toMatchObject({
        yearOfTraining: 2,
        subdivisionId: LILLE,
      });
    });

    it("may edit their own subdivision and its members", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const own = (await rep.member.list({})).items[0];
      expect(await rep.member.update({ id: own?.id as string, yearOfTraining: 3 })).toMatchObject({
        yearOfTraining: 3,
      });
      expect(
        await rep.subdivision.update({ id: TOULOUSE, contactEmail: "contact@exemple.fr" }),
      ).toMatchObject({ contactEmail: "contact@exemple.fr" });
    });
  });

  it("a representative with no subdivision on their account sees no member", async () => {
    const rep = await api.callerAs("representative");
    expect(await rep.member.list({})).toEqual({ items: [], total: 0 });
  });

  it("searches members by name or email, accents and case ignored", async () => {
    const organiser = await api.callerAs("organiser");
    await organiser.member.create({
      ...member("chloe.lefevre@exemple.fr", LILLE),
      firstName: "Chloé",
      lastName: "Lefèvre",
    });
    for (const search of ["LEFEVRE chloé", "chloe lefe", "Lefèvre"]) {
      const found = await organiser.member.list({ search });
      expect(
        found.items.map((m) => m.email),
        search,
      ).toEqual(["chloe.lefevre@exemple.fr"]);
    }
    expect((await organiser.member.list({ search: "chloé dupont" })).total).toBe(0);
  });

  it("records who added and who changed a member, with the values before and after", async () => {
    const organiser = await api.callerAs("organiser");
    const created = await organiser.member.create(member("audit.adherent@exemple.fr", LILLE));
    await organiser.member.update({ id: created.id, membershipStatus: "lapsed" });
    const entries = (await listAudit(api.db, { entity: "member", limit: 20 })).filter(
      (e) => e.entityId === created.id,
    );
    expect(entries.map((e) => e.action)).toEqual(["update", "create"]);
    expect(entries[0]).toMatchObject({
      actorEmail: "organiser@tribune.test",
      before: { membershipStatus: created.membershipStatus },
      after: { membershipStatus: "lapsed" },
    });
  });

  it("refuses a member whose email is already used, saying so", async () => {
    const organiser = await api.callerAs("organiser");
    await organiser.member.create(member("unique@exemple.fr", LILLE));
    const error = await rejection(organiser.member.create(member("Unique@exemple.fr", TOULOUSE)));
    expect(error.data.code).toBe("CONFLICT");
    expect(error.message).toBe("Un·e adhérent·e utilise déjà cette adresse e-mail.");
  });

  describe("what a representative learns of other subdivisions' addresses: nothing", () => {
    const ELSEWHERE = "ailleurs@exemple.fr";
    const NEUTRAL = `L'adresse ${ELSEWHERE} ne peut pas être enregistrée dans votre subdivision : contactez l'organisation du congrès.`;
    const csvWith = (email: string) =>
      `prenom,nom,email,subdivision,annee\nA,B,${email},Toulouse,1\nC,D,voisine@exemple.fr,Toulouse,2\n`;

    beforeAll(async () => {
      const organiser = await api.callerAs("organiser");
      await organiser.member.create(member(ELSEWHERE, LILLE));
      await organiser.member.create(member("deja.toulouse@exemple.fr", TOULOUSE));
    });

    it("a dry run answers the same whether an address is a member elsewhere or nobody's", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const known = await rep.member.importCsv({ csv: csvWith(ELSEWHERE), dryRun: true });
      const unknown = await rep.member.importCsv({
        csv: csvWith("personne@exemple.fr"),
        dryRun: true,
      });
      expect(known).toEqual(unknown);
      expect(known).toMatchObject({ rows: 2, valid: 2, errors: [] });
      // Their own subdivision's duplicates are theirs to know.
      const own = await rep.member.importCsv({
        csv: csvWith("deja.toulouse@exemple.fr"),
        dryRun: true,
      });
      expect(own.errors).toEqual([
        expect.objectContaining({ line: 2, code: "duplicate_existing" }),
      ]);
    });

    it("every dry run is audited, with its counts and no address", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      await rep.member.importCsv({ csv: csvWith(ELSEWHERE), dryRun: true });
      const [entry] = await listAudit(api.db, { entity: "member", limit: 1 });
      expect(entry).toMatchObject({
        actorEmail: expect.stringMatching(/^representative-/),
        action: "import",
        after: { dryRun: true, rows: 2, valid: 2, refused: 0 },
      });
      expect(JSON.stringify(entry?.after)).not.toContain("@");
    });

    it("adding an address used elsewhere gets a neutral refusal, audited", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const error = await rejection(rep.member.create(member(ELSEWHERE, TOULOUSE)));
      expect(error.message).toBe(NEUTRAL);
      const [entry] = await listAudit(api.db, { entity: "member", limit: 1 });
      expect(entry).toMatchObject({
        action: "create",
        after: { refused: "email_used_elsewhere", email: ELSEWHERE },
      });
      const own = (await rep.member.list({})).items[0];
      const update = await rejection(
        rep.member.update({ id: own?.id as string, email: ELSEWHERE }),
      );
      expect(update.message).toBe(NEUTRAL);
      // An address of their own subdivision is named as a duplicate, as before.
      const duplicate = await rejection(
        rep.member.create(member("deja.toulouse@exemple.fr", TOULOUSE)),
      );
      expect(duplicate.message).toBe("Un·e adhérent·e utilise déjà cette adresse e-mail.");
    });

    it("the real import refuses an address used elsewhere neutrally, and imports the others", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const result = await rep.member.importCsv({ csv: csvWith(ELSEWHERE), dryRun: false });
      expect(result).toMatchObject({ valid: 1, imported: 1 });
      expect(result.errors).toEqual([
        { line: 2, code: "duplicate_existing", field: "email", message: NEUTRAL },
      ]);
      const organiser = await api.callerAs("organiser");
      expect((await organiser.member.list({ search: ELSEWHERE })).items).toEqual([
        expect.objectContaining({ subdivisionId: LILLE }),
      ]);
    });
  });

  describe("CSV import", () => {
    const csv = [
      "Prénom;Nom;Email;Subdivision;Année;Statut",
      "Inès;Roux;ines.roux@exemple.fr;Lille;1;à jour",
      "Hugo;Petit;hugo@@exemple;Lille;2;",
      "Paul;Durand;paul.durand@exemple.fr;Lyon;1;",
      "Inès;Roux;INES.ROUX@exemple.fr;Lille;1;",
      "",
      "Marc;Blanc;marc.blanc@exemple.fr;saint etienne;3e;en attente",
      "Nora;Ali;unique@exemple.fr;Nancy;2;",
    ].join("\n");

    it("a dry run reports each bad row with its line and reason, and writes nothing", async () => {
      const organiser = await api.callerAs("organiser");
      const report = await organiser.member.importCsv({ csv, dryRun: true });
      expect(report).toMatchObject({ dryRun: true, rows: 6, valid: 2, imported: 0 });
      expect(report.errors.map((e) => [e.line, e.code])).toEqual([
        [3, "bad_email"],
        [4, "unknown_subdivision"],
        [5, "duplicate_in_file"],
        [8, "duplicate_existing"],
      ]);
      expect((await organiser.member.list({ search: "ines roux" })).total).toBe(0);
      const [entry] = await listAudit(api.db, { entity: "member", limit: 1 });
      expect(entry).toMatchObject({
        action: "import",
        after: { dryRun: true, rows: 6, valid: 2, refused: 4 },
      });
    });

    it("the real import writes the valid rows only, in one go, and is audited", async () => {
      const organiser = await api.callerAs("organiser");
      const result = await organiser.member.importCsv({ csv, dryRun: false });
      expect(result).toMatchObject({ dryRun: false, valid: 2, imported: 2 });
      expect((await organiser.member.list({ search: "ines roux" })).items).toEqual([
        expect.objectContaining({ subdivisionId: LILLE, yearOfTraining: 1 }),
      ]);
      expect((await organiser.member.list({ search: "marc blanc" })).items).toEqual([
        expect.objectContaining({
          subdivisionId: referenceSubdivision("saint-etienne").id,
          yearOfTraining: 3,
          membershipStatus: "pending",
        }),
      ]);
      const [entry] = await listAudit(api.db, { entity: "member", limit: 1 });
      expect(entry).toMatchObject({
        action: "import",
        after: expect.objectContaining({ imported: 2 }),
      });
      // Importing the same file again finds every valid row already there.
      const again = await organiser.member.importCsv({ csv, dryRun: false });
      expect(again).toMatchObject({ valid: 0, imported: 0 });
    });

    it("a representative imports into their subdivision only", async () => {
      const rep = await api.representativeOf(TOULOUSE);
      const result = await rep.member.importCsv({
        csv: "prenom,nom,email,subdivision,annee\nA,B,a.b@exemple.fr,Toulouse,1\nC,D,c.d@exemple.fr,Lille,1\n",
        dryRun: false,
      });
      expect(result.imported).toBe(1);
      expect(result.errors).toEqual([
        expect.objectContaining({ line: 3, code: "outside_subdivision" }),
      ]);
    });

    it("refuses an unreadable file or one without the required columns", async () => {
      const organiser = await api.callerAs("organiser");
      const broken = await rejection(
        organiser.member.importCsv({ csv: 'prenom,nom\n"pas fermé,x', dryRun: true }),
      );
      expect(broken.message).toMatch(/^Fichier CSV illisible/);
      const report = await organiser.member.importCsv({ csv: "nom,email\nA,a@b.fr", dryRun: true });
      expect(report.errors[0]).toMatchObject({ line: 1, code: "missing_field" });
    });
  });
});
