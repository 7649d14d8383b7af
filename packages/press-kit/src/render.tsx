/** @jsxRuntime automatic @jsxImportSource react */
import { pdf as createPdf } from "@react-pdf/renderer";
import type { PressKitModel } from "@tribune/domain/press-kit";
import type { ReactElement } from "react";
import { PageLog } from "./context";
import { loadMeasuredFaces } from "./fonts";
import { PressKitDocument } from "./PressKitDocument";

export interface RenderedPressKit {
  pdf: Buffer;
  pageCount: number;
  /** The page each section (and pillar item, `section/item`) starts on. */
  pages: Record<string, number>;
  /** Layouts it took for the contents to print the final page numbers (1 or 2). */
  passes: number;
}

const MAX_PASSES = 3;

/**
 * renderToBuffer, but letting go of the document afterwards: react-pdf leaves each render's tree
 * mounted, and on its root container, which React's module-wide scheduler still references — a
 * long-lived process (the server's worker) kept every press kit it rendered (~2.7 MB each).
 */
async function renderOnce(document: ReactElement): Promise<Buffer> {
  const instance = createPdf();
  instance.updateContainer(document);
  try {
    const stream = (await instance.toBuffer()) as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  } finally {
    instance.updateContainer(null as unknown as ReactElement);
    // Unmounting leaves the last document on react-pdf's root container, which React keeps.
    (instance.container as { document: unknown }).document = null;
  }
}

/** Every contents entry printed the page its target finally landed on. */
export function contentsSettled(model: PressKitModel, log: PageLog): boolean {
  const contents = model.sections.find((s) => s.kind === "contents");
  if (contents?.kind !== "contents") return true;
  return contents.content.entries.every((entry) => {
    const page = log.starts.get(entry.targetId);
    return page !== undefined && log.printed.get(entry.targetId) === page;
  });
}

/**
 * Renders the press kit and reports where each section starts. Anchors record their page while
 * react-pdf lays the document out and the contents page reads them; if the contents printed
 * anything else than the final pages (it is laid out before the sections that follow it), the
 * document is laid out again with the pages of the previous pass — until they agree.
 */
export async function renderPressKitWithReport(
  model: PressKitModel,
  { createdAt = new Date() }: { createdAt?: Date } = {},
): Promise<RenderedPressKit> {
  await loadMeasuredFaces();
  const log = new PageLog();
  for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
    log.printed.clear();
    log.totalPages = 0;
    const pdf = await renderOnce(
      <PressKitDocument model={model} log={log} createdAt={createdAt} />,
    );
    if (contentsSettled(model, log)) {
      return {
        pdf,
        pageCount: log.totalPages,
        pages: Object.fromEntries(log.starts),
        passes: pass,
      };
    }
  }
  throw new Error(`The contents page numbers did not settle after ${MAX_PASSES} layouts`);
}

/** The press kit as a PDF file. */
export async function renderPressKit(model: PressKitModel): Promise<Buffer> {
  return (await renderPressKitWithReport(model)).pdf;
}
