/**
 * The other ways to take the programme away (calendar, apps, print), at the foot of the public
 * programme. A component of its own so that the formats of issue 16 (calendar subscription,
 * printable programme) land here without touching the rest of the page. No developer-facing
 * format here: programme.json is for apps and is documented in the README.
 */
export function ProgrammeFormats({ year }: { year: number }) {
  return (
    <section className="programme-formats" aria-labelledby="programme-formats-title">
      <h2 id="programme-formats-title">Emporter le programme</h2>
      <ul className="programme-formats__list" data-edition={year}>
        <li>
          <button type="button" className="button" onClick={() => window.print()}>
            Imprimer le programme
          </button>
        </li>
      </ul>
      <p className="muted">Horaires à l'heure de Paris. Programme susceptible d'évoluer.</p>
    </section>
  );
}
