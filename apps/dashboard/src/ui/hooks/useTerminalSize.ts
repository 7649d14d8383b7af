import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface Size {
  columns: number;
  rows: number;
}

/**
 * The terminal's size, following resizes at most every `throttleMs` (a window being dragged
 * sends dozens of events). A 0-column pty counts as 80×24.
 */
const read = (stdout: NodeJS.WriteStream): Size => ({
  columns: stdout.columns > 0 ? stdout.columns : 80,
  rows: stdout.rows > 0 ? stdout.rows : 24,
});

export function useTerminalSize(fixed?: Size, throttleMs = 100): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState<Size>(() => fixed ?? read(stdout));
  const isFixed = fixed !== undefined;
  useEffect(() => {
    if (isFixed) return;
    let timer: NodeJS.Timeout | null = null;
    const onResize = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setSize(read(stdout));
      }, throttleMs);
    };
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
      if (timer) clearTimeout(timer);
    };
  }, [stdout, isFixed, throttleMs]);
  return fixed ?? size;
}
