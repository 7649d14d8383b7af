/** @jsxRuntime automatic @jsxImportSource react */
import { pdf as createPdf } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { loadMeasuredFaces } from "./fonts";

/**
 * A react-pdf document as a PDF file with its page count, for the documents that need no
 * measuring pass (badges, certificates): one render, then react-pdf's container let go, as
 * renderOnce does (render.tsx), so that a long-lived worker does not keep every document.
 */
export async function renderToPdf(
  document: ReactElement,
): Promise<{ pdf: Buffer; pageCount: number }> {
  await loadMeasuredFaces();
  const instance = createPdf();
  instance.updateContainer(document);
  try {
    const stream = (await instance.toBuffer()) as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const pdf = Buffer.concat(chunks);
    // The PDF's page tree says how many pages it has: /Type /Pages … /Count N.
    const pageCount = Number(
      /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0,
    );
    return { pdf, pageCount };
  } finally {
    instance.updateContainer(null as never);
    (instance.container as { document: unknown }).document = null;
  }
}
