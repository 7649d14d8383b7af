import { ROUTES } from "@tribune/domain/routes";

/**
 * The other ways to take the programme away (calendar, apps, print), at the foot of the public
 * programme. A component of its own so that the formats of issue 16 (calendar subscription,
 * printable programme) land here without touching the rest of the page. No developer-facing
 * format here: programme.json is for apps and is documented in the README.
 */
export function ProgrammeFormats({ year }: { year: number }) {
  const ics = ROUTES.programmeIcs.url(year);
  // webcal:// makes the calendar application subscribe: it fetches the file again by itself,
  // so a moved session moves in the attendee's agenda too.
  const webcal = `webcal://${window.location.host}${ics}`;
  return (
    <section className="programme-formats" aria-labelledby="programme-formats-title">
      <h2 id="programme-formats-title">Emporter le programme</h2>
      <ul className="programme-formats__list" data-edition={year}>
        <li>
          <a className="button" href={webcal}>
            Ajouter à mon agenda
          </a>{" "}
          <a href={ics} download>
            (fichier .ics)
          </a>
        </li>
        <li>
          <a className="button" href={ROUTES.programmePdf.url(year)}>
            Version imprimable
          </a>
        </li>
        <li>
          Pour les applications (Giggity, ConfClerk, EventFahrplan) :{" "}
          <a href={ROUTES.scheduleJson.url(year)}>schedule.json</a>,{" "}
          <a href={ROUTES.scheduleXml.url(year)}>schedule.xml</a>
        </li>
        <li>
          <button type="button" className="button" onClick={() => window.print()}>
            Imprimer cette page
          </button>
        </li>
      </ul>
      <p className="muted">Horaires à l'heure de Paris. Programme susceptible d'évoluer.</p>
    </section>
  );
}
