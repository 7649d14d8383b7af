import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import type { Database } from "../client";
import * as schema from "../schema";
import { claimDueMessages } from "./outbox";

/**
 * Migration 0016 changed what a change queues (the domain's content, rendered later by the
 * worker). Messages queued before it, rendered, must still leave as they were stored.
 */

const folder = fileURLToPath(new URL("../../drizzle", import.meta.url));
const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, "utf8")) as {
  entries: { tag: string }[];
};

describe("the outbox across migration 0016", () => {
  it("a message queued rendered before it is claimed with its body; a row needs content or a body", async () => {
    const before = mkdtempSync(join(tmpdir(), "tribune-outbox-0016-"));
    const client = new PGlite();
    try {
      cpSync(folder, before, { recursive: true });
      const upTo = journal.entries.slice(
        0,
        journal.entries.findIndex((e) => e.tag === "0016_outbox_unrendered_content"),
      );
      expect(upTo.length).toBeGreaterThan(0);
      writeFileSync(
        join(before, "meta/_journal.json"),
        JSON.stringify({ ...journal, entries: upTo }),
      );
      const db = drizzle({ client, schema });
      await migrate(db, { migrationsFolder: before });
      // The row as the outbox wrote it then: rendered, no content column yet.
      await client.query(
        `insert into outbox (key, kind, recipient, subject, text, html, attachments, next_attempt_at)
         values ('registration-confirmed:old', 'registration_confirmed', 'camille@example.org',
                 'Votre inscription', 'Votre code : K7QM-3XPA', '<p>K7QM-3XPA</p>',
                 '[{"filename":"code.png","contentType":"image/png","contentBase64":"AQID","cid":"qr"}]',
                 '2026-12-01T08:00:00Z')`,
      );
      await migrate(db, { migrationsFolder: folder });

      const [claimed] = await claimDueMessages(db as unknown as Database, {
        now: new Date("2026-12-07T08:00:00Z"),
        limit: 10,
        leaseMs: 60_000,
        maxAttempts: 8,
      });
      expect(claimed).toMatchObject({
        key: "registration-confirmed:old",
        subject: "Votre inscription",
        text: "Votre code : K7QM-3XPA",
        html: "<p>K7QM-3XPA</p>",
        content: null,
        attachments: [
          { filename: "code.png", contentType: "image/png", contentBase64: "AQID", cid: "qr" },
        ],
      });
      await expect(
        client.query(
          `insert into outbox (key, kind, recipient, subject) values ('nothing', 'registration_confirmed', 'a@example.org', 'Rien')`,
        ),
      ).rejects.toThrow(/outbox_content_or_rendered/);
    } finally {
      await client.close();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
