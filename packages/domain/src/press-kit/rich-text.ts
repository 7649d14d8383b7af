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
