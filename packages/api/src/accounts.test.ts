import { listSubdivisionOptions } from "@tribune/db/repos/subdivisions";
import { testBackends } from "@tribune/db/testing";
import { describe, expect, it } from "vitest";
import { createAccount } from "./accounts";
import { SYSTEM } from "./audit";
import { freshEmail, PASSWORD, useSeededApi } from "./test-support";

describe.each(testBackends())("createAccount on %s", (backend) => {
  const api = useSeededApi(backend);

  const create = (role: "representative" | "member", subdivisionId: string | null) =>
    createAccount(
      api.db,
      { email: freshEmail(role), role, subdivisionId, password: PASSWORD },
      SYSTEM,
    );

  it("ties a representative to an existing subdivision", async () => {
    const [first] = await listSubdivisionOptions(api.db);
    await expect(create("representative", first?.id ?? null)).resolves.toMatchObject({
      role: "representative",
      subdivisionId: first?.id,
    });
  });

  it("refuses a representative without a subdivision, or with an unknown one", async () => {
    for (const subdivisionId of [null, "00000000-0000-4000-8000-0000000000ff"]) {
      await expect(create("representative", subdivisionId)).rejects.toMatchObject({
        code: "invalid",
        message: "Un·e représentant·e doit être rattaché·e à une subdivision existante.",
      });
    }
  });

  it("refuses a subdivision on any other role", async () => {
    const [any] = await listSubdivisionOptions(api.db);
    await expect(create("member", any?.id ?? null)).rejects.toMatchObject({ code: "invalid" });
  });
});
