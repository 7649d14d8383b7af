import { type Edition, PROGRAMME_IN_PREPARATION } from "@tribune/domain/congress";
import { capitalise, formatCongressDay } from "@tribune/domain/format";
import { daysBetween } from "@tribune/domain/kernel";
import type { ProgrammeEntry } from "@tribune/domain/schedule";
import { useMemo, useState } from "react";
import { PublicPage } from "../../../../ui/public/PublicPage";
import { filterChoices, matches, NO_FILTER } from "./filterProgramme";
import { ProgrammeEntryCard } from "./ProgrammeEntryCard";
import { ProgrammeFilters } from "./ProgrammeFilters";
import { ProgrammeFormats } from "./ProgrammeFormats";

const anchor = (day: string) => `jour-${day}`;

/**
 * The published programme of an edition, day by day, in one column that reads on a phone: the
 * day tabs stay at the top while scrolling, a search box and filters (kind, room) narrow it. An
 * edition whose programme is still being prepared says so instead of showing an empty page.
 */
export function PublicProgramme({
  edition,
  entries,
  inPreparation = false,
  year = null,
}: {
  edition: Edition;
  entries: ProgrammeEntry[];
  inPreparation?: boolean;
  /** The ?edition= year of the address, kept on the links to the other public pages. */
  year?: number | null;
}) {
  const [filter, setFilter] = useState(NO_FILTER);
  const days = useMemo(() => {
    const all = daysBetween(edition.firstDay, edition.lastDay);
    for (const e of entries) if (!all.includes(e.day)) all.push(e.day);
    return all.sort();
  }, [edition.firstDay, edition.lastDay, entries]);
  const choices = useMemo(() => filterChoices(entries), [entries]);
  const shown = entries.filter((entry) => matches(entry, filter));
  const byDay = days
    .map((day) => ({ day, entries: shown.filter((e) => e.day === day) }))
    .filter((d) => d.entries.length > 0);
  const anyEntry = entries.length > 0;

  return (
    <PublicPage
      title={edition.theme}
      documentTitle={`Programme · ${edition.theme}`}
      subtitle={edition.subtitle || undefined}
      edition={edition}
      year={year}
      current="programme"
    >
      {inPreparation ? (
        <section className="public__preparation" aria-labelledby="programme-preparation">
          <h2 id="programme-preparation">{PROGRAMME_IN_PREPARATION}</h2>
          <p>
            Le programme du {edition.number}e congrès sera publié ici dès que ses sessions seront
            prêtes.
          </p>
        </section>
      ) : (
        !anyEntry && <p className="public__empty">Le programme sera publié prochainement.</p>
      )}
      {anyEntry && (
        <ProgrammeFilters
          filter={filter}
          onChange={setFilter}
          kinds={choices.kinds}
          rooms={choices.rooms}
          shown={shown.length}
        />
      )}
      {byDay.length > 1 && (
        <nav className="public__days" aria-label="Jours du programme">
          <ul>
            {byDay.map(({ day }) => (
              <li key={day}>
                <a href={`#${anchor(day)}`}>{capitalise(formatCongressDay(day))}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {anyEntry && byDay.length === 0 && (
        <p className="public__empty">
          Aucune session ne correspond à votre recherche. Essayez un autre mot, ou « Tous les types
          » et « Tous les espaces ».
        </p>
      )}
      {byDay.map(({ day, entries: ofDay }) => (
        <section
          key={day}
          id={anchor(day)}
          className="public__day"
          aria-labelledby={`${anchor(day)}-titre`}
        >
          <h2 id={`${anchor(day)}-titre`} className="public__day-title">
            {capitalise(formatCongressDay(day))}
          </h2>
          <ol className="public__entries">
            {ofDay.map((entry) => (
              <li key={entry.id}>
                <ProgrammeEntryCard entry={entry} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {anyEntry && <ProgrammeFormats year={edition.year} />}
    </PublicPage>
  );
}
