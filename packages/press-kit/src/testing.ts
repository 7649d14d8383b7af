import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
}

export interface PdfText {
  /** Text of each page, in order; items joined by a space, lines by "\n". */
  pages: string[];
  /** The positioned text items of each page. */
  items: PdfItem[][];
  info: Record<string, unknown>;
  /** The catalog's /Lang. */
  language: string | null;
}

/**
 * A word hyphenated at a line's end ("mé- decin", French hyphenation) made whole again, so
 * that text compares whatever the line breaks. A hyphen between words ("tous-tes") stays.
 */
export const unhyphenate = (text: string) =>
  text.replace(/(\p{Ll})-[\u00A0\u202F\s]+(\p{Ll})/gu, "$1$2");

/** Non-breaking spaces (U+00A0, U+202F) and runs of spaces become one plain space. */
export const normalizeSpaces = (text: string) =>
  unhyphenate(text)
    .replace(/[\u00A0\u202F\s]+/g, " ")
    .trim();

/**
 * Text with no spaces at all: pdf.js splits letter-spaced titles ("L E  C O N G R È S") and
 * breaks lines anywhere, so comparisons across layout compare compacted strings.
 */
export const compact = (text: string) => unhyphenate(text).replace(/[\u00A0\u202F\s]+/g, "");

/** Extracts a PDF's text and document information with pdf.js (legacy build: runs on Node 20). */
export async function extractPdfText(pdf: Uint8Array): Promise<PdfText> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const items: PdfItem[][] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      const positioned: PdfItem[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : " ");
        positioned.push({ str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0 });
      }
      pages.push(text);
      items.push(positioned);
      page.cleanup();
    }
    const { info } = await document.getMetadata();
    return { pages, items, info: info as Record<string, unknown>, language: languageOf(pdf) };
  } finally {
    await document.destroy();
  }
}

/** The /Lang entry of the catalog, read from the file (pdf.js does not expose it). */
function languageOf(pdf: Uint8Array): string | null {
  const match = Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Lang\s*\(([^)]*)\)/);
  return match?.[1] ?? null;
}
