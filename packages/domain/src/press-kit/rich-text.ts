import type { EditorialBlock } from "./editorial";
import type { Block, Run } from "./model";

const FIGURE = /\{\{([a-z0-9-]+)\}\}/g;

/**
 * Parses one paragraph of editorial markup: `**…**` sets a bold run, `{{id}}` a reference to a
 * key figure. Throws on an unknown figure or an unclosed `**`, so a typo fails the build.
 */
export function parseRich(source: string, figureIds: ReadonlySet<string>): Run[] {
  const parts = source.split("**");
  if (parts.length % 2 === 0) throw new Error(`Unclosed ** in "${source}"`);
  const runs: Run[] = [];
  parts.forEach((part, index) => {
    const bold = index % 2 === 1;
    let last = 0;
    for (const match of part.matchAll(FIGURE)) {
      const [token, id = ""] = match;
      if (!figureIds.has(id)) throw new Error(`Unknown figure "${id}" in "${source}"`);
      if (match.index > last)
        runs.push({ type: "text", text: part.slice(last, match.index), bold });
      runs.push({ type: "figure", figureId: id, bold });
      last = match.index + token.length;
    }
    if (last < part.length) runs.push({ type: "text", text: part.slice(last), bold });
  });
  return runs;
}

export function parseBlocks(blocks: EditorialBlock[], figureIds: ReadonlySet<string>): Block[] {
  return blocks.map((block): Block => {
    if (typeof block === "string") return { type: "paragraph", runs: parseRich(block, figureIds) };
    if ("list" in block)
      return { type: "list", items: block.list.map((item) => parseRich(item, figureIds)) };
    return { type: "tags", items: [...block.tags] };
  });
}

/** Every `{{figure-id}}` editorial blocks quote, in order of first appearance. */
export function figureRefs(blocks: readonly EditorialBlock[]): string[] {
  const texts = blocks.flatMap((b) => (typeof b === "string" ? [b] : "list" in b ? b.list : []));
  const ids = texts.flatMap((text) => [...text.matchAll(FIGURE)].map((m) => m[1] ?? ""));
  return [...new Set(ids)];
}

/** The figure ids a run of blocks refers to, in reading order. */
export function figuresIn(blocks: Block[]): string[] {
  const runs = blocks.flatMap((b) =>
    b.type === "paragraph" ? b.runs : b.type === "list" ? b.items.flat() : [],
  );
  return runs.flatMap((r) => (r.type === "figure" ? [r.figureId] : []));
}

/** The plain text of runs, figures shown by `figure(id)`. */
export function plainText(runs: Run[], figure: (id: string) => string): string {
  return runs.map((r) => (r.type === "text" ? r.text : figure(r.figureId))).join("");
}

// ——— The plain text people edit ——————————————————————————————————————————————————————————
// Paragraphs are separated by a blank line; a run of lines starting with "- " is a bulleted
// list, a run starting with "# " a cloud of labels; `**…**` and `{{figure-id}}` stay as they are.

const LIST = /^[-•]\s+/;
const TAG = /^#\s+/;

/** Editorial blocks as the plain text of an admin text area (the inverse of `textToBlocks`). */
export function blocksToText(blocks: readonly EditorialBlock[]): string {
  return blocks
    .map((block) => {
      if (typeof block === "string") return block;
      if ("list" in block) return block.list.map((item) => `- ${item}`).join("\n");
      return block.tags.map((tag) => `# ${tag}`).join("\n");
    })
    .join("\n\n");
}

/** Plain text back to editorial blocks; a paragraph's line breaks become spaces. */
export function textToBlocks(text: string): EditorialBlock[] {
  const blocks: EditorialBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const start = blocks.length;
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push(paragraph.join(" "));
      paragraph = [];
    };
    for (const line of lines) {
      const isList = LIST.test(line);
      if (!isList && !TAG.test(line)) {
        paragraph.push(line);
        continue;
      }
      flush();
      const item = line.replace(isList ? LIST : TAG, "");
      const last = blocks.length > start ? blocks.at(-1) : undefined;
      if (isList && typeof last === "object" && "list" in last) last.list.push(item);
      else if (!isList && typeof last === "object" && "tags" in last) last.tags.push(item);
      else blocks.push(isList ? { list: [item] } : { tags: [item] });
    }
    flush();
  }
  return blocks;
}

/**
 * Why a text cannot be printed, in French (an unclosed `**`, an unknown `{{figure}}`), or null.
 * Checked when someone saves a text, so that the press kit never fails to build.
 */
export function textProblem(
  blocks: readonly EditorialBlock[],
  figureIds: ReadonlySet<string>,
): string | null {
  for (const block of blocks) {
    const texts = typeof block === "string" ? [block] : "list" in block ? block.list : [];
    for (const source of texts) {
      if (source.split("**").length % 2 === 0)
        return `Un passage en gras n'est pas refermé (** manquant) : « ${source.slice(0, 60)} ».`;
      for (const [, id = ""] of source.matchAll(FIGURE))
        if (!figureIds.has(id)) return `Chiffre clé inconnu : {{${id}}}.`;
    }
  }
  return null;
}
