import { EventEmitter } from "node:events";
import { render, Text } from "ink";
import { describe, expect, it } from "vitest";
import { useTerminalSize } from "./useTerminalSize";

/** A fake terminal that can be resized. */
class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  frames: string[] = [];
  write = (s: string) => {
    this.frames.push(s);
    return true;
  };
}

function Probe() {
  const { columns, rows } = useTerminalSize(undefined, 20);
  return <Text>{`${columns}x${rows}`}</Text>;
}

describe("useTerminalSize", () => {
  it("follows resizes, coalescing a burst into one update", async () => {
    const stdout = new FakeStdout();
    const app = render(<Probe />, { stdout: stdout as unknown as NodeJS.WriteStream, debug: true });
    expect(stdout.frames.at(-1)).toContain("80x24");
    for (const [c, r] of [
      [90, 25],
      [100, 28],
      [120, 40],
    ] as const) {
      stdout.columns = c;
      stdout.rows = r;
      stdout.emit("resize");
    }
    await new Promise((r) => setTimeout(r, 80));
    expect(stdout.frames.at(-1)).toContain("120x40");
    expect(stdout.frames.filter((f) => f.includes("100x28"))).toHaveLength(0);
    app.unmount();
  });
});
