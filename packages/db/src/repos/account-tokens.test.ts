import { describe, expect, it } from "vitest";
import { type Backend, openTestDatabase, testBackends } from "../testing";
import {
  findAccountToken,
  insertAccountToken,
  lockAccountToken,
  purgeDeadAccountTokens,
  spendAccountToken,
  voidAccountTokens,
} from "./account-tokens";
import { insertUser } from "./users";

describe.each(testBackends())("account tokens on %s", (backend: Backend) => {
  it("stores a digest per link, voids a purpose's unused links, and purges the dead ones", async () => {
    const database = await openTestDatabase(backend);
    try {
      const { db } = database;
      const user = await insertUser(db, {
        email: "invitee@tribune.test",
        displayName: "",
        role: "press",
        subdivisionId: null,
        passwordHash: null,
      });
      const now = new Date();
      const inAnHour = new Date(now.getTime() + 3_600_000).toISOString();
      const add = (
        tokenHash: string,
        purpose: "invitation" | "password_reset",
        expiresAt = inAnHour,
      ) => insertAccountToken(db, { tokenHash, userId: user.id, purpose, expiresAt });
      const reset = await add("reset-1", "password_reset");
      await add("invite-1", "invitation");
      await add("old-reset", "password_reset", new Date(now.getTime() - 1000).toISOString());

      expect(await lockAccountToken(db, "invite-1")).toMatchObject({
        userId: user.id,
        purpose: "invitation",
        usedAt: null,
        account: { email: "invitee@tribune.test", disabled: false, hasPassword: false },
      });
      expect(await lockAccountToken(db, "nothing")).toBeNull();

      await voidAccountTokens(db, user.id, "password_reset", now.toISOString());
      expect((await findAccountToken(db, "reset-1"))?.usedAt).not.toBeNull();
      expect((await findAccountToken(db, "invite-1"))?.usedAt).toBeNull();
      await spendAccountToken(db, reset.id, now.toISOString());

      await purgeDeadAccountTokens(db, now);
      expect(await findAccountToken(db, "reset-1")).toBeNull();
      expect(await findAccountToken(db, "old-reset")).toBeNull();
      expect(await findAccountToken(db, "invite-1")).not.toBeNull();
    } finally {
      await database.close();
    }
  });
});
