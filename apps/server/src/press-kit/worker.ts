import { parentPort } from "node:worker_threads";
import { PressKitModel } from "@tribune/domain";
import { renderPressKitWithReport } from "@tribune/press-kit";

/** Messages between the server and its press-kit render thread. */
export interface RenderRequest {
  id: number;
  model: unknown;
}
export type RenderResponse =
  | { id: number; ok: true; pdf: Uint8Array; pageCount: number; milliseconds: number }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("worker.ts runs in a worker thread (see worker-entry.mjs)");

port.on("message", async ({ id, model }: RenderRequest) => {
  const started = performance.now();
  try {
    const { pdf, pageCount } = await renderPressKitWithReport(PressKitModel.parse(model));
    // Hand the bytes over without copying when the buffer owns its memory.
    const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
    const bytes = owned ? new Uint8Array(pdf.buffer, 0, pdf.byteLength) : new Uint8Array(pdf);
    const response: RenderResponse = {
      id,
      ok: true,
      pdf: bytes,
      pageCount,
      milliseconds: performance.now() - started,
    };
    port.postMessage(response, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const response: RenderResponse = {
      id,
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
    port.postMessage(response);
  }
});
