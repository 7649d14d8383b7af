import { testBackends } from "@tribune/db/testing";
import { referenceSubdivision } from "@tribune/reference";
import { describe, expect, it } from "vitest";
import { rejection, useSeededApi } from "../test-support";

const LILLE = referenceSubdivision("lille");

describe.each(testBackends())("creating and deleting subdivisions on %s", (backend) => {
  const api = useSeededApi(backend);
  const optionNames = async () =>
    (await (await api.anonymous()).subdivision.options()).map((s) => s.name);

  it("an organiser admits Lyon: it is on the public registration list at once, audited", async () => {
    expect(await optionNames()).not.toContain("Lyon");
    const organiser = await api.callerAs("organiser");
    const lyon = await organiser.subdivision.create({ name: "Lyon", declaredMembers: 450 });
    expect(lyon).toMatchObject({ name: "Lyon", slug: "lyon", declaredMembers: 450, aliases: [] });

    const names = await optionNames();
    expect(names).toHaveLength(24);
    expect(names).toContain("Lyon");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));

    const audit = await organiser.audit.list({ entity: "subdivision" });
    expect(audit.find((e) => e.entityId === lyon.id)).toMatchObject({
      action: "create",
      actorEmail: "organiser@tribune.test",
    });
  });

  it("an admin may create one too, with a slug of their choosing", async () => {
    const admin = await api.callerAs("admin");
    const created = await admin.subdivision.create({
      name: "Antilles-Guyane",
      slug: "antilles-guyane",
      aliases: ["antilles", "guyane"],
    });
    expect(created.slug).toBe("antilles-guyane");
  });

  it("refuses a name, slug or alias another subdivision answers to, whatever the accents", async () => {
    const organiser = await api.callerAs("organiser");
    for (const input of [
      { name: "LILLE" },
      { name: "Lille métropole", slug: "lille" },
      { name: "Île-de-France" },
    ]) {
      const error = await rejection(organiser.subdivision.create(input));
      expect(error.data).toMatchObject({ appCode: "already_exists", httpStatus: 409 });
      expect(error.message).toMatch(/^La subdivision « .+ » existe déjà/);
    }
    expect(await optionNames()).not.toContain("LILLE");
  });

  it("refuses bad input with French field errors", async () => {
    const organiser = await api.callerAs("organiser");
    const error = await rejection(organiser.subdivision.create({ name: "", contactEmail: "non" }));
    expect(error.data).toMatchObject({ appCode: "invalid", httpStatus: 400 });
    expect(error.data.fieldErrors).toMatchObject({
      name: ["Le nom est obligatoire."],
      contactEmail: [expect.any(String)],
    });
  });

  it("a representative, the bureau or an anonymous visitor cannot create one", async () => {
    const representative = await api.representativeOf(LILLE.id);
    const bureau = await api.callerAs("bureau");
    const anonymous = await api.anonymous();
    for (const [caller, appCode] of [
      [representative, "forbidden"],
      [bureau, "forbidden"],
      [anonymous, "unauthenticated"],
    ] as const) {
      const error = await rejection(caller.subdivision.create({ name: "Marseille" }));
      expect(error.data.appCode).toBe(appCode);
    }
    expect(await optionNames()).not.toContain("Marseille");
  });

  it("deletes a subdivision recorded by mistake, audited", async () => {
    const organiser = await api.callerAs("organiser");
    const typo = await organiser.subdivision.create({ name: "Nicee" });
    expect(await organiser.subdivision.delete({ id: typo.id })).toEqual({ id: typo.id });
    expect(await optionNames()).not.toContain("Nicee");
    const audit = await organiser.audit.list({ entity: "subdivision" });
    expect(
      audit
        .filter((e) => e.entityId === typo.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["create", "delete"]);
  });

  it("refuses to delete a subdivision with history, and keeps it", async () => {
    const organiser = await api.callerAs("organiser");
    await organiser.member.create({
      subdivisionId: LILLE.id,
      firstName: "Léa",
      lastName: "Martin",
      email: "lea.martin@exemple.fr",
      yearOfTraining: 2,
      membershipStatus: "active",
      membershipYear: 2026,
    });
    const error = await rejection(organiser.subdivision.delete({ id: LILLE.id }));
    expect(error.data).toMatchObject({ appCode: "referenced", httpStatus: 409 });
    expect(error.message).toContain("(1 fiche adhérent·e, 1 compte de représentant·e)");
    expect(await optionNames()).toContain("Lille");
  });

  it("a representative cannot delete one, not even their own", async () => {
    const representative = await api.representativeOf(LILLE.id);
    const error = await rejection(representative.subdivision.delete({ id: LILLE.id }));
    expect(error.data.appCode).toBe("forbidden");
  });
});
