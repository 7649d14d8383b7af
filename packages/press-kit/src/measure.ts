import { Font } from "@react-pdf/renderer";
import { frenchSpacing, NNBSP } from "./typeset";

interface Glyphs {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

export interface TextBox {
  /** Inter unless told. */
  family?: "Inter" | "Source Serif 4";
  weight: 400 | 500 | 600 | 700;
  size: number;
  lineHeight: number;
  width: number;
  letterSpacing?: number;
}

function fontOf(family: string, weight: number): Glyphs {
  const data = Font.getFont({ fontFamily: family, fontWeight: weight, fontStyle: "normal" }).data;
  if (!data) throw new Error(`${family} ${weight} is not loaded: await loadMeasuredFaces() first`);
  return data as unknown as Glyphs;
}

/**
 * How many lines `text` takes, wrapped greedily at spaces — what the planning needs to size its
 * rows, and the pillars to balance their columns, before react-pdf lays them out. Measures with 3 % to spare, so it errs on more.
 */
export function lineCount(text: string, box: TextBox): number {
  const font = fontOf(box.family ?? "Inter", box.weight);
  const scale = box.size / font.unitsPerEm;
  const spacing = box.letterSpacing ?? 0;
  const width = (s: string) =>
    [...s].reduce(
      (sum, ch) =>
        sum + font.glyphForCodePoint(ch.codePointAt(0) ?? 32).advanceWidth * scale + spacing,
      0,
    );
  const available = box.width * 0.97;
  const space = width(" ");
  let lines = 1;
  let current = 0;
  for (const word of frenchSpacing(text).replaceAll(NNBSP, "\u00A0").split(" ")) {
    const w = width(word);
    if (current === 0) {
      lines += Math.max(0, Math.ceil(w / available) - 1);
      current = w > available ? w % available : w;
    } else if (current + space + w <= available) {
      current += space + w;
    } else {
      lines += 1 + Math.max(0, Math.ceil(w / available) - 1);
      current = w > available ? w % available : w;
    }
  }
  return lines;
}

export const textHeight = (text: string, box: TextBox) =>
  lineCount(text, box) * box.size * box.lineHeight;
