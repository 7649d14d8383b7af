import type { EditorialBlock } from "@tribune/domain";
import type { ReactNode } from "react";

/** A paragraph of the press-kit markup: `**bold**` runs; `{{figure}}` shown as a marked placeholder. */
function rich(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|\{\{[a-z0-9-]+\}\})/g).map((part, i) => {
    const key = `${i}-${part}`;
    if (part.startsWith("**") && part.endsWith("**"))
      return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("{{"))
      return (
        <mark key={key} title="Chiffre clé calculé depuis les enquêtes">
          [chiffre : {part.slice(2, -2)}]
        </mark>
      );
    return part;
  });
}

/** A dossier's body as the press kit prints it: paragraphs, lists, tags. */
export function RichBody({ blocks }: { blocks: readonly EditorialBlock[] }) {
  if (blocks.length === 0) return <p className="muted">Aucun texte.</p>;
  return (
    <div className="dossier__body">
      {blocks.map((block, i) => {
        const key = `block-${i}`;
        if (typeof block === "string") return <p key={key}>{rich(block)}</p>;
        if ("list" in block)
          return (
            <ul key={key}>
              {block.list.map((item) => (
                <li key={item}>{rich(item)}</li>
              ))}
            </ul>
          );
        return (
          <ul key={key} className="dossier__tags" aria-label="Lieux et interlocuteurs">
            {block.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        );
      })}
    </div>
  );
}
