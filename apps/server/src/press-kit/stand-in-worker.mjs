// For tests: a press-kit worker that answers a tiny PDF `delayMs` after a render starts, or
// after `gate` opens (an Int32Array on a SharedArrayBuffer: 0 closed, 1 open). While the counter
// `stuck` (the same kind) is above zero, a render decrements it and never ends: the thread
// spins, as a render caught in an endless layout would, until the renderer terminates it.
// Shared memory reaches every worker the renderer starts, replacements included.
import { parentPort, workerData } from "node:worker_threads";

const { delayMs, stuck, gate } = workerData;
const PDF = new TextEncoder().encode("%PDF-1.4\n% stand-in\n%%EOF\n");

function whenOpen(then) {
  if (!gate || Atomics.load(gate, 0) === 1) then();
  else setTimeout(() => whenOpen(then), 10);
}

parentPort.on("message", ({ id }) => {
  if (stuck && Atomics.sub(stuck, 0, 1) > 0) for (;;);
  whenOpen(() =>
    setTimeout(() => {
      const pdf = PDF.slice();
      parentPort.postMessage({ id, ok: true, pdf, pageCount: 1, milliseconds: delayMs });
    }, delayMs),
  );
});
