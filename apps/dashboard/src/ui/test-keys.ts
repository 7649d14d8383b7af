/** Lets Ink process a key and React commit (ink-testing-library writes are asynchronous). */
export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

export const KEYS = {
  down: "\u001B[B",
  up: "\u001B[A",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  tab: "\t",
  backspace: "\u007F",
} as const;
