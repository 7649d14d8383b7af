import { parentPort } from "node:worker_threads";
import { PressKitModel } from "@tribune/domain/press-kit";
import { PrintableProgramme } from "@tribune/domain/schedule";
import { BadgeSheets, CertificateBook } from "@tribune/domain/union";
import {
  renderBadges,
  renderCertificates,
  renderPressKitWithReport,
  renderProgramme,
} from "@tribune/press-kit";

/** Messages between the server and its press-kit render thread. */
export interface RenderRequest {
  id: number;
  /** Which document: the press kit (default) or the printable programme. */
  document?: RenderDocument;
  model: unknown;
}
export type RenderDocument = "press-kit" | "programme" | "badges" | "certificates";
export type RenderResponse =
  | { id: number; ok: true; pdf: Uint8Array; pageCount: number; milliseconds: number }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("worker.ts runs in a worker thread (see worker-entry.mjs)");

port.on("message", async ({ id, document, model }: RenderRequest) => {
  const started = performance.now();
  try {
    const { pdf, pageCount } =
      document === "programme"
        ? await renderProgramme(PrintableProgramme.parse(model))
        : document === "badges"
          ? await renderBadges(BadgeSheets.parse(model))
          : document === "certificates"
            ? await renderCertificates(CertificateBook.parse(model))
            : await renderPressKitWithReport(PressKitModel.parse(model));
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
