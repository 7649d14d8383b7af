import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { formatDateTime } from "@tribune/domain/format";
import type { SectionId } from "@tribune/domain/press-kit";
import { diffWords } from "diff";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../../app/trpc";

type Section = RouterOutputs["pressKit"]["sections"][number];
type Validated = NonNullable<RouterOutputs["pressKit"]["lastValidated"]>;

/** The words removed and added between two texts, as the bureau reads them before validating. */
function TextDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="press-kit__diff">
      {diffWords(before, after).map((part, i) => {
        const key = `${i}-${part.value.length}`;
        if (part.added)
          return (
            <ins key={key}>
              <span className="visually-hidden">[ajouté : </span>
              {part.value}
              <span className="visually-hidden">]</span>
            </ins>
          );
        if (part.removed)
          return (
            <del key={key}>
              <span className="visually-hidden">[supprimé : </span>
              {part.value}
              <span className="visually-hidden">]</span>
            </del>
          );
        return <span key={key}>{part.value}</span>;
      })}
    </p>
  );
}

const signatureOf = (s: Pick<Section, "signature">) =>
  s.signature ? `${s.signature.name}${s.signature.role ? `, ${s.signature.role}` : ""}` : "aucune";

/** What differs besides the text: title, kicker, signature, one line each. */
function FieldChanges({ before, after }: { before: Validated; after: Section }) {
  const lines = [
    ["Titre", before.title, after.title],
    ["Surtitre", before.kicker ?? "aucun", after.kicker ?? "aucun"],
    ["Signature", signatureOf(before), signatureOf(after)],
  ].filter(([, was, is]) => was !== is);
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map(([label, was, is]) => (
        <li key={label}>
          {label} : « {was} » → « {is} »
        </li>
      ))}
    </ul>
  );
}

function Changes({ year, section }: { year: number; section: Section }) {
  const trpc = useTRPC();
  const last = useQuery(
    trpc.pressKit.lastValidated.queryOptions({ year, sectionId: section.sectionId as SectionId }),
  );
  if (last.isPending) return <p className="muted">Chargement de la version validée…</p>;
  if (last.isError)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(last.error)}
      </p>
    );
  const before = last.data;
  if (!before)
    return (
      <p className="muted">
        Aucune version validée de cette section n'est connue : tout le texte est à relire.
      </p>
    );
  const same =
    before.text === section.text &&
    before.title === section.title &&
    before.kicker === section.kicker &&
    signatureOf(before) === signatureOf(section);
  return (
    <div>
      <p className="muted">
        Depuis la version validée
        {before.validatedBy ? ` par ${before.validatedBy}` : ""}
        {before.validatedAt ? ` le ${formatDateTime(before.validatedAt)}` : ""} :
        {same ? " aucune modification." : ""}
      </p>
      {!same && <FieldChanges before={before} after={section} />}
      {!same && before.text !== section.text && (
        <TextDiff before={before.text} after={section.text} />
      )}
    </div>
  );
}

/**
 * What the press changed in a draft section since the bureau last validated it, words removed
 * struck through and words added underlined — read before validating again. Asked for only
 * when opened.
 */
export function SectionChanges({ year, section }: { year: number; section: Section }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="press-kit__changes"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Voir les modifications depuis la dernière validation</summary>
      {open && <Changes year={year} section={section} />}
    </details>
  );
}
