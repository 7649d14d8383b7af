import {
  daysBetween,
  type Edition,
  PROGRAMME_IN_PREPARATION,
  type ProgrammeEntry,
} from "@tribune/domain";
import { capitalise, formatCongressDay, formatEditionDates } from "@tribune/domain/format";
import { ProgrammeEntryCard } from "./ProgrammeEntryCard";

const anchor = (day: string) => `jour-${day}`;

/**
 * The published programme of an edition, day by day, in one column that reads on a phone. An
 * edition whose programme is still being prepared (nothing published yet, the congress to come)
 * says so instead of showing an empty page.
 */
export function PublicProgramme({
  edition,
  entries,
  inPreparation = false,
}: {
  edition: Edition;
  entries: ProgrammeEntry[];
  inPreparation?: boolean;
}) {
  const days = daysBetween(edition.firstDay, edition.lastDay);
  for (const e of entries) if (!days.includes(e.day)) days.push(e.day);
  const byDay = days
    .sort()
    .map((day) => ({ day, entries: entries.filter((e) => e.day === day) }))
    .filter((d) => d.entries.length > 0);

  return (
    <div className="public">
      <title>{`Programme · ${edition.theme}`}</title>
      <header className="public__header">
        <p className="public__eyebrow">{edition.number}e congrès national · Programme</p>
        <h1 className="public__theme">{edition.theme}</h1>
        {edition.subtitle && <p className="public__subtitle">{edition.subtitle}</p>}
        <p className="public__where">
          {edition.venue}, {edition.city}
          <br />
          {formatEditionDates(edition.firstDay, edition.lastDay)}
        </p>
      </header>

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

      <main className="public__main">
        {inPreparation ? (
          <section className="public__preparation" aria-labelledby="programme-preparation">
            <h2 id="programme-preparation">{PROGRAMME_IN_PREPARATION}</h2>
            <p>
              Le programme du {edition.number}e congrès sera publié ici dès que ses sessions seront
              prêtes.
            </p>
          </section>
        ) : (
          byDay.length === 0 && (
            <p className="public__empty">Le programme sera publié prochainement.</p>
          )
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
        <p className="public__note">
          Horaires à l'heure de Paris. Programme susceptible d'évoluer ; il est aussi disponible{" "}
          <a href={`/api/editions/${edition.year}/programme.json`}>au format JSON</a>.
        </p>
      </main>
    </div>
  );
}
