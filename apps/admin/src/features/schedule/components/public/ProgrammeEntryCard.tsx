import { SESSION_KIND_LABELS } from "@tribune/domain/congress";
import type { ProgrammeEntry } from "@tribune/domain/schedule";
import type { CSSProperties } from "react";
import { KIND_COLOURS } from "../../palette";

/**
 * Where a session takes place, in a visitor's words: its rooms ("Amphi Romanée Conti"); a
 * session held across the venue with no room of its own (the welcome, a break) is in
 * "Tous les espaces".
 */
export function placeOf(entry: ProgrammeEntry): string {
  return entry.rooms.length > 0 ? entry.rooms.join(", ") : "Tous les espaces";
}

/** One session of the public programme: time, kind, title, place, people. */
export function ProgrammeEntryCard({ entry }: { entry: ProgrammeEntry }) {
  const colour = KIND_COLOURS[entry.kind];
  const style = { "--kind-bg": colour.background, "--kind-accent": colour.accent } as CSSProperties;
  return (
    <article className="entry" style={style} aria-labelledby={`entry-${entry.id}`}>
      <p className="entry__time">
        <time dateTime={entry.startsAt}>{entry.start}</time>–
        <time dateTime={entry.endsAt}>{entry.end}</time>
      </p>
      <div className="entry__body">
        <p className="entry__kind">{SESSION_KIND_LABELS[entry.kind]}</p>
        <h3 id={`entry-${entry.id}`} className="entry__title">
          {entry.title}
        </h3>
        <p className="entry__place">
          <span className="visually-hidden">Lieu : </span>
          {placeOf(entry)}
        </p>
        {entry.speakers.length > 0 && (
          <p className="entry__people">Avec {entry.speakers.join(", ")}</p>
        )}
        {entry.partner && <p className="entry__partner">Partenaire : {entry.partner}</p>}
        {entry.description && <p className="entry__description">{entry.description}</p>}
      </div>
    </article>
  );
}
