/** @jsxRuntime automatic @jsxImportSource react */
import { pdf as createPdf } from "@react-pdf/renderer";
import type { PrintableProgramme } from "@tribune/domain/schedule";
import { loadMeasuredFaces } from "../fonts";
import { ProgrammeDocument } from "./ProgrammeDocument";

/** The printable programme as a PDF file, with its page count. */
export async function renderProgramme(
  model: PrintableProgramme,
): Promise<{ pdf: Buffer; pageCount: number }> {
  await loadMeasuredFaces();
  let pageCount = 0;
  const instance = createPdf();
  instance.updateContainer(<ProgrammeDocument model={model} />);
  try {
    const stream = (await instance.toBuffer()) as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const pdf = Buffer.concat(chunks);
    // The PDF's page tree says how many pages it has: /Type /Pages … /Count N.
    pageCount = Number(
      /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0,
    );
    return { pdf, pageCount };
  } finally {
    // As renderOnce in ../render.tsx: let react-pdf's root container go (long-lived worker).
    instance.updateContainer(null as never);
    (instance.container as { document: unknown }).document = null;
  }
}
