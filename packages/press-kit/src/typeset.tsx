/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text } from "@react-pdf/renderer";
import type { ReactNode } from "react";

const styles = StyleSheet.create({
  // A no-break space tightened to the width of a narrow one.
  narrow: { letterSpacing: -0.8 },
});

export const NNBSP = "\u202F";
export const NBSP = "\u00A0";

/**
 * Precomposed characters (NFC: the fonts' mark positioning is off, see TEXT_FEATURES) and French
 * spacing: a narrow no-break space before ; ! ? » and after «, a no-break space before
 * ":", so that punctuation never starts a line. Quotes in English style ("…", “…”) become French
 * guillemets « … ». The text keeps its characters otherwise.
 */
export function frenchSpacing(text: string): string {
  return (
    text
      .normalize("NFC")
      .replace(
        /"([^"\n]+)"|“([^”\n]+)”/g,
        (_, straight, curly) => `« ${(straight ?? curly).trim()} »`,
      )
      .replace(/[ \u00A0]([;!?»])/g, `${NNBSP}$1`)
      .replace(/«[ \u00A0]/g, `«${NNBSP}`)
      // Guillemets typed without their spaces get them, so that « stays with its word.
      .replace(/«(?=[^\s\u00A0\u202F])/g, `«${NNBSP}`)
      .replace(/([^\s\u00A0\u202F])»/g, `$1${NNBSP}»`)
      .replace(/ :/g, `${NBSP}:`)
  );
}

/**
 * A string as react-pdf children, French spacing applied. The fonts have no U+202F glyph (nor
 * has Helvetica, react-pdf's last resort, which would print "/"), so each narrow no-break space
 * is set as a U+00A0 narrowed by letter-spacing: same unbreakable behaviour, right width
 * (guillemets aside, see below).
 */
export function fr(text: string): ReactNode {
  // Inside guillemets, a plain no-break space: a narrowed one is a separate run, and react-pdf
  // may break (and hyphenate) between runs, leaving « or » alone at a line's edge.
  const spaced = frenchSpacing(text)
    .replace(new RegExp(`${NNBSP}»`, "g"), `${NBSP}»`)
    .replace(new RegExp(`«${NNBSP}`, "g"), `«${NBSP}`);
  if (!spaced.includes(NNBSP)) return spaced;
  return spaced.split(NNBSP).flatMap((part, i) =>
    i === 0
      ? [part]
      : [
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string, never reordered
          <Text key={`nnbsp-${i}`} style={styles.narrow}>
            {NBSP}
          </Text>,
          part,
        ],
  );
}

/** Phone numbers never break inside: "06 73 07 53 01" with no-break spaces. */
export const unbreakable = (text: string) => text.replace(/ /g, NBSP);
