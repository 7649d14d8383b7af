import { formatEditionDates } from "@tribune/domain/format";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { searchWithYear } from "../../app/edition";
import { UNION } from "./union";
import "./public-page.css";

/** What the header says of the congress; null while unknown (an error before the edition loads). */
export interface PublicEdition {
  number: number;
  theme: string;
  city: string;
  venue: string;
  firstDay: string;
  lastDay: string;
}

/**
 * The frame of every public page (programme, registration, survey, errors): the union's identity,
 * the congress, the page's title, links to the programme and to registration, and a footer with
 * the union's contact. The same header everywhere, so that a visitor knows whose page it is.
 */
export function PublicPage({
  title,
  documentTitle = title,
  edition,
  year = null,
  subtitle,
  current,
  children,
}: {
  title: string;
  /** The browser tab's title, when it should say more than the heading. */
  documentTitle?: string;
  edition?: PublicEdition | null;
  /** The ?edition= year the visitor came with, kept on the links between public pages. */
  year?: number | null;
  subtitle?: ReactNode;
  current?: "programme" | "inscription";
  children: ReactNode;
}) {
  const search = searchWithYear("", year);
  return (
    <div className="public">
      <title>{`${documentTitle} · ${UNION.shortName}`}</title>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="public__header">
        <p className="public__union">
          <abbr title={UNION.name}>{UNION.shortName}</abbr>
          {edition && (
            <>
              {" "}
              · {edition.number}
              <sup>e</sup> congrès national des internes de médecine générale
            </>
          )}
        </p>
        <h1 className="public__theme">{title}</h1>
        {subtitle && <p className="public__subtitle">{subtitle}</p>}
        {edition && (
          <p className="public__where">
            {edition.venue}, {edition.city}
            <br />
            {formatEditionDates(edition.firstDay, edition.lastDay)}
          </p>
        )}
        <nav className="public__links" aria-label="Pages du congrès">
          <Link
            to={{ pathname: "/public/programme", search }}
            aria-current={current === "programme" ? "page" : undefined}
          >
            Programme
          </Link>
          <Link
            className="public__cta"
            to={{ pathname: "/public/inscription", search }}
            aria-current={current === "inscription" ? "page" : undefined}
          >
            S'inscrire au congrès
          </Link>
        </nav>
      </header>
      <main className="public__main" id="contenu" tabIndex={-1}>
        {children}
      </main>
      <footer className="public__footer">
        {UNION.shortName} · {UNION.name} · <a href={`mailto:${UNION.contact}`}>{UNION.contact}</a>
      </footer>
    </div>
  );
}

/**
 * A public page that could not show what was asked (a survey not found, an edition unknown):
 * the union's header, the reason in French, and a way back to the programme.
 */
export function PublicError({
  title,
  message,
  year = null,
}: {
  title: string;
  message: string;
  year?: number | null;
}) {
  return (
    <PublicPage title={title} year={year}>
      <section className="public__problem" aria-labelledby="public-problem">
        <h2 id="public-problem">{message}</h2>
        <p>
          Vérifiez l'adresse reçue, ou écrivez-nous à{" "}
          <a href={`mailto:${UNION.contact}`}>{UNION.contact}</a>.
        </p>
        <p>
          <Link
            className="button"
            to={{ pathname: "/public/programme", search: searchWithYear("", year) }}
          >
            Retour au programme du congrès
          </Link>
        </p>
      </section>
    </PublicPage>
  );
}
