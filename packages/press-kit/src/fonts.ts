import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";
import { woffToSfnt } from "./woff";

/**
 * The press kit's two families, from npm @fontsource packages (their .woff files: fontkit
 * cannot read .woff2). Fontsource splits each face into Unicode subsets, so each family is
 * registered twice — latin, then latin-ext — and styles name both: react-pdf picks, character
 * by character, the first font of the list that has the glyph (Ÿ, Ā… come from latin-ext).
 *
 * The .woff files are unwrapped once, with zlib, into the SFNT fonts they carry (see woff.ts):
 * fontkit reading WOFF directly made each render take seconds.
 *
 * No subset has U+202F (narrow no-break space), which French typography and Intl put before
 * "%", "?", "!"…: `typeset.tsx` prints it as a narrowed U+00A0 rather than let react-pdf fall
 * back to Helvetica, which lacks it too and prints "/".
 */
const require = createRequire(import.meta.url);
const file = (pkg: string, name: string) => require.resolve(`@fontsource/${pkg}/files/${name}`);
/** A .woff file of a fontsource package as the data URL of its SFNT font. */
const fontData = (pkg: string, name: string) =>
  `data:font/sfnt;base64,${woffToSfnt(readFileSync(file(pkg, name))).toString("base64")}`;

export const SANS = ["Inter", "Inter Latin Ext"];
export const SERIF = ["Source Serif 4", "Source Serif 4 Latin Ext"];

type Face = { weight: number; style: "normal" | "italic" };
const INTER_FACES: Face[] = [400, 500, 600, 700, 800].map((weight) => ({
  weight,
  style: "normal",
}));
const SERIF_FACES: Face[] = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 600, style: "normal" },
  { weight: 700, style: "normal" },
];

function registerFamily(family: string, pkg: string, subset: string, faces: Face[]) {
  Font.register({
    family,
    fonts: faces.map(({ weight, style }) => ({
      src: fontData(pkg, `${pkg}-${subset}-${weight}-${style}.woff`),
      fontWeight: weight,
      fontStyle: style,
    })),
  });
}

let registered = false;

/** Registers the fonts once per process (each worker thread has its own registry). */
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  registerFamily("Inter", "inter", "latin", INTER_FACES);
  registerFamily("Inter Latin Ext", "inter", "latin-ext", INTER_FACES);
  registerFamily("Source Serif 4", "source-serif-4", "latin", SERIF_FACES);
  registerFamily("Source Serif 4 Latin Ext", "source-serif-4", "latin-ext", SERIF_FACES);
  // react-pdf hyphenates with English patterns ("Méde-cine"): French ones instead.
  Font.registerHyphenationCallback(hyphenateFrench);
}

const { hyphenateSync } = require("hyphen/fr") as {
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string;
};
const SOFT_HYPHEN = "\u00AD";

/**
 * A word's syllables where French typography allows a break (Liang patterns, `hyphen/fr`),
 * for react-pdf to hyphenate justified columns instead of stretching or breaking lines early.
 * Left whole: short words, names with a capital inside ("l'ISNAR-IMG", "DrômArdèche", titles), and
 * anything with digits, "@" or "/" (figures, addresses). Punctuation stays with its syllable.
 */
export function hyphenateFrench(word: string): string[] {
  if (word.length < 7 || /[\d@/]|.\p{Lu}/u.test(word)) return [word];
  const parts = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 7 }).split(
    SOFT_HYPHEN,
  );
  const joined: string[] = [];
  for (const part of parts) {
    const last = joined.length - 1;
    if (last >= 0 && !/\p{L}/u.test(part)) joined[last] += part;
    else if (last >= 0 && !/\p{L}/u.test(joined[last] ?? "")) joined[last] += part;
    else joined.push(part);
  }
  return joined;
}

/** Loads the faces `measure.ts` measures with (react-pdf loads the rest lazily). */
export async function loadMeasuredFaces(): Promise<void> {
  registerFonts();
  await Promise.all([
    ...[400, 500, 600, 700].map((fontWeight) =>
      Font.load({ fontFamily: "Inter", fontWeight, fontStyle: "normal" }),
    ),
    Font.load({ fontFamily: "Source Serif 4", fontWeight: 400, fontStyle: "normal" }),
  ]);
}
