import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { formatDateTime } from "@tribune/domain/format";
import {
  MOVABLE_SECTIONS,
  PRESS_KIT_EDITORS,
  PRESS_KIT_VALIDATORS,
  type PressKitModel,
  SECTION_LABELS,
  SECTION_STATUS_LABELS,
} from "@tribune/domain/press-kit";
import { ROUTES } from "@tribune/domain/routes";
import { useState } from "react";
import { Link } from "react-router";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ArchivedNotice } from "../../../ui/ArchivedNotice";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { PressKitFrame } from "../components/PressKitFrame";
import { PressKitSectionForm } from "../components/PressKitSectionForm";
import { SectionChanges } from "../components/SectionChanges";
import "./press-kit.css";

/** The address of an edition's press kit PDF (the server renders it for press, bureau, admin). */
export const pressKitUrl = (year: number) => ROUTES.pressKitPdf.url(year);

type Section = RouterOutputs["pressKit"]["sections"][number];

/**
 * "Validé par bureau@… le 05/01/2026 10:30", or who last changed a draft. A validation with
 * nobody behind it is the reference kit's, loaded with the edition.
 */
function stamp(section: Section): string | null {
  if (!section.stored) return "Modèle vide, jamais enregistré pour cette édition.";
  if (section.status === "validated" && section.validatedAt)
    return section.validatedBy
      ? `Validé par ${section.validatedBy} le ${formatDateTime(section.validatedAt)}`
      : "Validé : texte du dossier de presse publié, chargé avec l'édition.";
  if (section.updatedAt)
    return `Modifié${section.updatedBy ? ` par ${section.updatedBy}` : ""} le ${formatDateTime(section.updatedAt)}`;
  return null;
}

function Sections({ year, readOnly }: { year: number; readOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  // An archived edition's kit is read, never changed.
  const canEdit = !readOnly && hasRole(me.data?.role, PRESS_KIT_EDITORS);
  const canValidate = !readOnly && hasRole(me.data?.role, PRESS_KIT_VALIDATORS);
  const sections = useQuery(trpc.pressKit.sections.queryOptions({ year }));
  const [editing, setEditing] = useState<string | null>(null);
  const validate = useMutation(
    trpc.pressKit.setSectionStatus.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() }),
    }),
  );
  const move = useMutation(
    trpc.pressKit.moveSection.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() }),
    }),
  );

  if (sections.isPending) return <p className="muted">Chargement des sections…</p>;
  if (sections.isError)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(sections.error)}
      </p>
    );
  const list = sections.data;
  const validated = list.filter((section) => section.status === "validated").length;
  const movableIds = list
    .map((section) => section.sectionId)
    .filter((id) => MOVABLE_SECTIONS.includes(id));
  return (
    <section aria-labelledby="press-kit-sections" className="card press-kit__sections">
      <h2 id="press-kit-sections">Sections</h2>
      <p className="muted">
        {validated} section{validated > 1 ? "s" : ""} validée{validated > 1 ? "s" : ""} sur{" "}
        {list.length}. Une section en brouillon s'imprime sous le filigrane BROUILLON ; seul le
        Bureau National la valide. Les sections s'impriment dans l'ordre de cette liste, après la
        couverture et le sommaire.
      </p>
      {validate.isError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(validate.error)}
        </p>
      )}
      {move.isError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(move.error)}
        </p>
      )}
      <ol className="press-kit__list">
        {list.map((section) => {
          const movable = canEdit && MOVABLE_SECTIONS.includes(section.sectionId);
          const rank = movableIds.indexOf(section.sectionId);
          const moveButton = (direction: "up" | "down") => (
            <button
              type="button"
              className="button press-kit__move"
              aria-label={`${direction === "up" ? "Monter" : "Descendre"} « ${SECTION_LABELS[section.sectionId]} »`}
              title={direction === "up" ? "Monter d'un rang" : "Descendre d'un rang"}
              disabled={
                move.isPending || (direction === "up" ? rank === 0 : rank === movableIds.length - 1)
              }
              onClick={() => move.mutate({ year, sectionId: section.sectionId, direction })}
            >
              <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>{" "}
              {direction === "up" ? "Monter" : "Descendre"}
            </button>
          );
          return (
            <li key={section.sectionId}>
              <div className="press-kit__row">
                <span>
                  {section.kicker && <span className="muted">{section.kicker} — </span>}
                  {section.title}
                  <span className="press-kit__stamp muted">{stamp(section)}</span>
                </span>
                <span className="press-kit__row-actions">
                  {movable && moveButton("up")}
                  {movable && moveButton("down")}
                  <span className={`press-badge press-badge--${section.status}`}>
                    <span aria-hidden="true">{section.status === "validated" ? "✓ " : "✎ "}</span>
                    {SECTION_STATUS_LABELS[section.status].toLowerCase()}
                  </span>
                  {canEdit && editing !== section.sectionId && (
                    <button
                      type="button"
                      className="button"
                      aria-label={`Modifier « ${SECTION_LABELS[section.sectionId]} »`}
                      onClick={() => setEditing(section.sectionId)}
                    >
                      Modifier
                    </button>
                  )}
                  {canValidate && section.status === "draft" && (
                    <button
                      type="button"
                      className="button button--primary"
                      aria-label={`Valider « ${SECTION_LABELS[section.sectionId]} »`}
                      disabled={validate.isPending}
                      onClick={() =>
                        validate.mutate({ year, sectionId: section.sectionId, status: "validated" })
                      }
                    >
                      Valider
                    </button>
                  )}
                </span>
              </div>
              {canValidate && section.status === "draft" && section.stored && (
                <SectionChanges year={year} section={section} />
              )}
              {editing === section.sectionId && (
                <PressKitSectionForm
                  year={year}
                  section={section}
                  onDone={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
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

/**
 * Said before anyone downloads the kit: a published programme with conflicts still prints
 * (overlapping sessions side by side), but it should be fixed before the kit goes out.
 */
function ProgrammeConflicts({ conflicts }: { conflicts: string[] }) {
  if (conflicts.length === 0) return null;
  const many = conflicts.length > 1;
  return (
    <div role="alert" className="notice notice--warning press-kit__conflicts">
      <p>
        <strong>
          Le programme publié a {conflicts.length} conflit{many ? "s" : ""}.
        </strong>{" "}
        Le PDF imprime côte à côte les sessions qui se chevauchent ; corrigez le programme avant de
        diffuser le dossier.
      </p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict}>{conflict}</li>
        ))}
      </ul>
      <Link to="/programme">Ouvrir le programme</Link>
    </div>
  );
}

/**
 * The PDF rendered in the page. Laying out the kit takes a few seconds: until the browser has
 * it, the page says so instead of an empty frame.
 */
function Preview({ url, year, revision }: { url: string; year: number; revision: string }) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const fileName = `dossier-de-presse-${year}.pdf`;
  const loading = loaded !== revision;
  return (
    <section aria-labelledby="press-kit-preview" className="press-kit__preview">
      <h2 id="press-kit-preview">Aperçu</h2>
      {loading && (
        <p className="press-kit__progress" role="status">
          <progress aria-label="Mise en page du dossier de presse" />
          Mise en page du dossier de presse… (quelques secondes)
        </p>
      )}
      {/* An edited or validated section reloads the preview. */}
      <object
        key={revision}
        data={`${url}?apercu`}
        type="application/pdf"
        title={`Aperçu du dossier de presse ${year}`}
        aria-busy={loading}
        onLoad={() => setLoaded(revision)}
        onError={() => setLoaded(revision)}
      >
        <p className="notice notice--warning">
          Votre navigateur ne peut pas afficher le PDF dans la page.{" "}
          <a href={url} download={fileName}>
            Télécharger le dossier de presse {year} (PDF)
          </a>
        </p>
      </object>
    </section>
  );
}

/** The press kit of the edition chosen in the header: its sections and their status, the PDF to download. */
export default function PressKitPage() {
  const trpc = useTRPC();
  const edition = useEdition();
  const year = edition.data?.year;
  const model = useQuery(trpc.pressKit.model.queryOptions(year ? { year } : skipToken));
  const sections = useQuery(trpc.pressKit.sections.queryOptions(year ? { year } : skipToken));
  // Changes only when a section (or the order) does: the preview re-renders the PDF then, not
  // on every refetch.
  const revision =
    sections.data?.map((s) => `${s.sectionId}${s.updatedAt}${s.status}`).join() ?? "";

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
      <ArchivedNotice edition={edition.data} />

      {model.isError ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(model.error)}
        </p>
      ) : (
        model.data && (
          <>
            <ProgrammeConflicts conflicts={model.data.programmeConflicts} />
            <Provenance model={model.data} />
          </>
        )
      )}
      <Sections year={year} readOnly={edition.readOnly} />
      <PressKitFrame year={year} readOnly={edition.readOnly} />

      <Preview url={url} year={year} revision={revision} />
    </section>
  );
}
