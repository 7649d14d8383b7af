import {
  type Block,
  citationInline,
  type EditorialBlock,
  FIGURE_PLACEHOLDER_SHORT,
  figureRefs,
  parseBlocks,
  type QuotableFigure,
  type Run,
} from "@tribune/domain/press-kit";
import { Fragment } from "react";

/** The figures a text may quote, by id: what the PDF prints for each (see `pressKit.figures`). */
export type FiguresById = ReadonlyMap<string, QuotableFigure>;

/**
 * A figure in a sentence as the PDF prints it: its value, or the kit's marked placeholder
 * "[chiffre à venir]" while it has none (or while the figures are loading). A figure quoted
 * from someone else's publication is followed by its provenance, as in the PDF.
 */
function InlineFigure({ id, figures }: { id: string; figures: FiguresById | undefined }) {
  const figure = figures?.get(id);
  if (figure?.printed && figure.value !== null && figure.value !== undefined)
    return (
      <>
        <span className="dossier__figure" title={figure.label}>
          {figure.printed}
        </span>
        {figure.citation && (
          <small className="dossier__citation"> {citationInline(figure.citation)}</small>
        )}
      </>
    );
  return (
    <mark className="dossier__figure--missing" title={figure?.label ?? `Chiffre clé « ${id} »`}>
      [{figure?.printed ?? FIGURE_PLACEHOLDER_SHORT}]
    </mark>
  );
}

function Runs({ runs, figures }: { runs: Run[]; figures: FiguresById | undefined }) {
  return runs.map((run, i) => {
    const key = `${i}-${run.type}`;
    const content =
      run.type === "figure" ? (
        <InlineFigure key={key} id={run.figureId} figures={figures} />
      ) : (
        run.text
      );
    return run.bold ? (
      <strong key={key}>{content}</strong>
    ) : (
      <Fragment key={key}>{content}</Fragment>
    );
  });
}

/** The blocks as the kit reads them (same parser as the PDF); as plain paragraphs if they do not parse. */
function parsed(blocks: readonly EditorialBlock[]): Block[] {
  try {
    return parseBlocks([...blocks], new Set(figureRefs(blocks)));
  } catch {
    return blocks.map((block) =>
      typeof block === "string"
        ? { type: "paragraph", runs: [{ type: "text", text: block, bold: false }] }
        : "list" in block
          ? { type: "list", items: block.list.map((text) => [{ type: "text", text, bold: false }]) }
          : { type: "tags", items: [...block.tags] },
    );
  }
}

/** A dossier's body as the press kit prints it: paragraphs, lists, tags, figures as values. */
export function RichBody({
  blocks,
  figures,
}: {
  blocks: readonly EditorialBlock[];
  figures?: FiguresById | undefined;
}) {
  if (blocks.length === 0) return <p className="muted">Aucun texte.</p>;
  return (
    <div className="dossier__body">
      {parsed(blocks).map((block, i) => {
        const key = `block-${i}`;
        if (block.type === "paragraph")
          return (
            <p key={key}>
              <Runs runs={block.runs} figures={figures} />
            </p>
          );
        if (block.type === "list")
          return (
            <ul key={key}>
              {block.items.map((item) => (
                <li key={JSON.stringify(item)}>
                  <Runs runs={item} figures={figures} />
                </li>
              ))}
            </ul>
          );
        return (
          <ul key={key} className="dossier__tags" aria-label="Lieux et interlocuteurs">
            {block.items.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        );
      })}
    </div>
  );
}

const plain = (text: string) =>
  text
    .replace(/\*\*/g, "")
    .replace(/\{\{[a-z0-9-]+\}\}/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Whether a press summary only repeats the start of the body (as the reference dossiers' do,
 * their summary being the first sentence): then the page does not print it twice.
 */
export function summaryRepeatsBody(summary: string, blocks: readonly EditorialBlock[]): boolean {
  const first = blocks.find((b): b is string => typeof b === "string");
  const said = plain(summary);
  return said === "" || (first !== undefined && plain(first).startsWith(said));
}
