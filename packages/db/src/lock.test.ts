import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DataDirInUseError } from "./lock";

/** PGlite serves one process: the pid file in the data dir keeps a second one out. */
describe("PGlite data dir lock", () => {
  let dataDir: string;
  let pidFile: string;
  let other: ChildProcess;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tribune-lock-"));
    pidFile = join(dataDir, "tribune.pid");
    other = spawn("sleep", ["30"], { stdio: "ignore" });
  });
  afterAll(() => {
    other.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a data dir held by another live process", async () => {
    writeFileSync(pidFile, String(other.pid));
    const opening = openDatabase({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(opening).rejects.toThrow(/PGlite ne sert qu'un processus à la fois/);
    await expect(opening).rejects.toThrow(/DATABASE_URL/);
    expect(readFileSync(pidFile, "utf8")).toBe(String(other.pid));
  });

  it("takes over the lock of a process that died, and removes it on close", async () => {
    const dead = spawn("true");
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(pidFile, String(dead.pid));

    const database = await openDatabase({ dataDir });
    expect(readFileSync(pidFile, "utf8")).toBe(String(process.pid));
    await database.close();
    expect(existsSync(pidFile)).toBe(false);
  });
});
