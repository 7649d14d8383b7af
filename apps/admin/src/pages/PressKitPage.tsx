import { skipToken, useQuery } from "@tanstack/react-query";
import type { PressKitModel } from "@tribune/domain";
import { useCurrentEdition } from "../edition";
import { errorMessage, useTRPC } from "../trpc";
import "./press-kit.css";

/** The address of an edition's press kit PDF (the server renders it for press, bureau, admin). */
export const pressKitUrl = (year: number) => `/api/editions/${year}/press-kit.pdf`;

const STATUS_LABELS = { valide: "validé", brouillon: "brouillon" } as const;

function Sections({ model }: { model: PressKitModel }) {
  const validated = model.sections.filter((section) => section.status === "valide").length;
  return (
    <section aria-labelledby="press-kit-sections" className="card press-kit__sections">
      <h2 id="press-kit-sections">Sections</h2>
      <p className="muted">
        {validated} section{validated > 1 ? "s" : ""} validée{validated > 1 ? "s" : ""} sur{" "}
        {model.sections.length}.
      </p>
      <ol className="press-kit__list">
        {model.sections.map((section) => (
          <li key={section.id}>
            <span>
              {section.kicker && <span className="muted">{section.kicker} — </span>}
              {section.title}
            </span>
            <span className={`press-badge press-badge--${section.status}`}>
              <span aria-hidden="true">{section.status === "valide" ? "✓ " : "✎ "}</span>
              {STATUS_LABELS[section.status]}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Provenance({ model }: { model: PressKitModel }) {
  const computed = model.figures.filter((figure) => figure.value !== null).length;
  const surveys = [...new Set(model.figures.map((figure) => figure.source.survey))];
  return (
    <p className="press-kit__provenance">
      Les chiffres clés sont calculés à partir des réponses aux enquêtes au moment du téléchargement
      ({computed} sur {model.figures.length} disponibles), avec leur provenance (enquête, nombre de
      répondant·es) : {surveys.join(", ") || "aucune enquête"}. Un chiffre sans données reste marqué
      « chiffre à venir ».
    </p>
  );
}

/** The press kit of the current edition: its sections and their status, the PDF to download. */
export default function PressKitPage() {
  const trpc = useTRPC();
  const edition = useCurrentEdition();
  const year = edition.data?.year;
  const model = useQuery(trpc.pressKit.model.queryOptions(year ? { year } : skipToken));

  if (edition.isPending) return <p className="muted">Chargement…</p>;
  if (edition.isError) {
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(edition.error)}
      </p>
    );
  }
  if (!edition.data || year === undefined) {
    return (
      <section>
        <h1>Dossier de presse</h1>
        <p>Aucune édition n'est encore enregistrée.</p>
      </section>
    );
  }

  const url = pressKitUrl(year);
  const fileName = `dossier-de-presse-${year}.pdf`;
  return (
    <section className="press-kit">
      <header className="press-kit__header">
        <div>
          <h1>Dossier de presse {year}</h1>
          <p className="muted">
            {edition.data.number}e congrès · {edition.data.theme} · {edition.data.city}
            {edition.data.venue ? `, ${edition.data.venue}` : ""}
          </p>
        </div>
        <a className="button button--primary" href={url} download={fileName}>
          Télécharger le PDF
        </a>
      </header>

      {model.isPending ? (
        <p className="muted">Chargement des sections…</p>
      ) : model.isError ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(model.error)}
        </p>
      ) : (
        <>
          <Provenance model={model.data} />
          <Sections model={model.data} />
        </>
      )}

      <section aria-labelledby="press-kit-preview" className="press-kit__preview">
        <h2 id="press-kit-preview">Aperçu</h2>
        <object
          data={`${url}?apercu`}
          type="application/pdf"
          title={`Aperçu du dossier de presse ${year}`}
        >
          <p className="notice notice--warning">
            Votre navigateur ne peut pas afficher le PDF dans la page.{" "}
            <a href={url} download={fileName}>
              Télécharger le dossier de presse {year} (PDF)
            </a>
          </p>
        </object>
      </section>
    </section>
  );
}
