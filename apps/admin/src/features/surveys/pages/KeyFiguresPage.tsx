import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDate, formatNumber } from "@tribune/domain/format";
import {
  type ComputedKeyFigure,
  KeyFigureDefinition,
  type KeyFigureDefinitionInput,
  type Question,
  STATISTIC_LABELS,
  type Statistic,
} from "@tribune/domain/surveys";
import { useDeferredValue, useState } from "react";
import { Link } from "react-router";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";
import { Field } from "../../../ui/Field";
import "../../../ui/catalog/catalog.css";
import "../../union/registration.css";
import { ManualFigures } from "../components/ManualFigures";
import "../surveys.css";

const KINDS = Object.keys(STATISTIC_LABELS) as Statistic["kind"][];
const SCALES = [
  { value: 1, label: "Telle quelle (moyenne, médiane…)" },
  { value: 100, label: "En pourcentage (× 100)" },
  { value: 10, label: "Sur 10 (« 3 sur 10 »)" },
];

const choicesOf = (q: Question | undefined) =>
  !q
    ? []
    : q.type === "yes_no"
      ? [
          { value: "yes", label: "Oui" },
          { value: "no", label: "Non" },
        ]
      : q.type === "single" || q.type === "multiple"
        ? q.choices
        : [];

function statisticFor(kind: Statistic["kind"], previous: Statistic): Statistic {
  switch (kind) {
    case "mean":
    case "median":
      return { kind };
    case "quantile":
      return { kind, p: previous.kind === "quantile" ? previous.p : 0.5 };
    case "share_above":
    case "share_below":
      return {
        kind,
        threshold: "threshold" in previous ? previous.threshold : 0,
        inclusive: "inclusive" in previous ? previous.inclusive : false,
      };
    case "share_choice":
      return { kind, choices: previous.kind === "share_choice" ? previous.choices : [] };
  }
}

function Checkboxes({
  options,
  selected,
  onChange,
  label,
}: {
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  label: string;
}) {
  return (
    <fieldset className="field">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="field__choice">
          <input
            type="checkbox"
            checked={selected.includes(o.value)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...selected, o.value] : selected.filter((x) => x !== o.value),
              )
            }
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The figure as it reads now, with where it comes from; refusals say why. */
function LivePreview({ definition }: { definition: KeyFigureDefinitionInput }) {
  const trpc = useTRPC();
  const deferred = useDeferredValue(definition);
  const parsed = KeyFigureDefinition.safeParse(deferred);
  const preview = useQuery({
    ...trpc.survey.previewKeyFigure.queryOptions(parsed.success ? parsed.data : skipToken),
    retry: false,
  });
  if (!parsed.success)
    return <p className="muted">{parsed.error.issues[0]?.message ?? "Définition incomplète."}</p>;
  if (preview.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(preview.error)}
      </p>
    );
  if (!preview.data) return <p className="muted">Calcul…</p>;
  return <FigureReading figure={preview.data} large />;
}

function FigureReading({
  figure: f,
  large = false,
}: {
  figure: ComputedKeyFigure;
  large?: boolean;
}) {
  const p = f.provenance;
  return (
    <div>
      <p className={large ? "figure-value" : "figure-sentence"} data-testid="key-figure-sentence">
        {f.suppressed ? "Masqué : trop peu de répondant·es" : (f.sentence ?? "Pas de données")}
      </p>
      <p className="muted small">
        {p.survey}
        {p.year ? ` (${p.year})` : ""}
        {p.partners.length > 0 ? ` · ${p.partners.join(", ")}` : ""} · {formatNumber(p.respondents)}{" "}
        répondant·es
        {p.from && p.to ? ` · du ${formatDate(p.from)} au ${formatDate(p.to)}` : ""}
        {p.synthetic ? " · réponses synthétiques (démonstration)" : ""}
      </p>
    </div>
  );
}

function KeyFigureEditor({
  initial,
  onDone,
}: {
  initial: KeyFigureDefinitionInput | null;
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveys = useQuery(trpc.survey.list.queryOptions());
  const [d, setD] = useState<KeyFigureDefinitionInput>(
    () =>
      initial ?? {
        id: "",
        surveySlug: "",
        questionId: "",
        statistic: { kind: "mean" },
        filter: null,
        scale: 1,
        decimals: 0,
        template: "{value}",
        published: false,
      },
  );
  const surveyId = surveys.data?.find((s) => s.slug === d.surveySlug)?.id;
  const survey = useQuery(trpc.survey.get.queryOptions(surveyId ? { id: surveyId } : skipToken));
  const questions = survey.data?.questions.filter((q) => q.type !== "text") ?? [];
  const question = questions.find((q) => q.id === d.questionId);
  const filterQuestion = survey.data?.questions.find((q) => q.id === d.filter?.questionId);
  const statistic = d.statistic as Statistic;
  const set = (patch: Partial<KeyFigureDefinitionInput>) => setD((x) => ({ ...x, ...patch }));
  const save = useMutation(
    trpc.survey.saveKeyFigure.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.survey.keyFigures.queryKey() });
        onDone(`Chiffre clé « ${saved.definition.id} » enregistré.`);
      },
    }),
  );

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ definition: d, previousId: initial?.id ?? null });
      }}
    >
      <h2>{initial ? `Modifier « ${initial.id} »` : "Nouveau chiffre clé"}</h2>
      <div className="survey-grid">
        <Field label="Identifiant" hint="Minuscules, chiffres et - : tt-moyenne">
          {(p) => <input {...p} value={d.id} onChange={(e) => set({ id: e.target.value })} />}
        </Field>
        <Field label="Enquête">
          {(p) => (
            <select
              {...p}
              value={d.surveySlug}
              onChange={(e) => set({ surveySlug: e.target.value, questionId: "", filter: null })}
            >
              <option value="">— choisir —</option>
              {surveys.data?.map((s) => (
                <option key={s.id} value={s.slug}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Question">
          {(p) => (
            <select
              {...p}
              value={d.questionId}
              onChange={(e) => set({ questionId: e.target.value })}
            >
              <option value="">— choisir —</option>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Statistique">
          {(p) => (
            <select
              {...p}
              value={statistic.kind}
              onChange={(e) =>
                set({ statistic: statisticFor(e.target.value as Statistic["kind"], statistic) })
              }
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {STATISTIC_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {statistic.kind === "quantile" && (
          <Field label="Quantile (entre 0 et 1)">
            {(p) => (
              <input
                {...p}
                type="number"
                step="0.05"
                min={0}
                max={1}
                value={statistic.p}
                onChange={(e) => set({ statistic: { ...statistic, p: Number(e.target.value) } })}
              />
            )}
          </Field>
        )}
        {(statistic.kind === "share_above" || statistic.kind === "share_below") && (
          <>
            <Field label="Seuil">
              {(p) => (
                <input
                  {...p}
                  type="number"
                  value={statistic.threshold}
                  onChange={(e) =>
                    set({ statistic: { ...statistic, threshold: Number(e.target.value) } })
                  }
                />
              )}
            </Field>
            <div className="field">
              <label className="field__choice">
                <input
                  type="checkbox"
                  checked={statistic.inclusive}
                  onChange={(e) =>
                    set({ statistic: { ...statistic, inclusive: e.target.checked } })
                  }
                />{" "}
                Seuil compris
              </label>
            </div>
          </>
        )}
        {statistic.kind === "share_choice" && (
          <Checkboxes
            label="Réponses comptées"
            options={choicesOf(question)}
            selected={statistic.choices}
            onChange={(choices) => set({ statistic: { ...statistic, choices } })}
          />
        )}
        <Field label="Filtre (population)" hint="Facultatif : « internes seulement »">
          {(p) => (
            <select
              {...p}
              value={d.filter?.questionId ?? ""}
              onChange={(e) =>
                set({ filter: e.target.value ? { questionId: e.target.value, choices: [] } : null })
              }
            >
              <option value="">Tout le monde</option>
              {survey.data?.questions
                .filter((q) => choicesOf(q).length > 0)
                .map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {d.filter && (
          <Checkboxes
            label="Réponses retenues par le filtre"
            options={choicesOf(filterQuestion)}
            selected={d.filter.choices}
            onChange={(choices) =>
              set({ filter: { questionId: d.filter?.questionId ?? "", choices } })
            }
          />
        )}
        <Field label="Présentation">
          {(p) => (
            <select
              {...p}
              value={d.scale ?? 1}
              onChange={(e) => set({ scale: Number(e.target.value) })}
            >
              {SCALES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Décimales">
          {(p) => (
            <select
              {...p}
              value={d.decimals ?? 0}
              onChange={(e) => set({ decimals: Number(e.target.value) })}
            >
              <option value={0}>Aucune</option>
              <option value={1}>Une</option>
              <option value={2}>Deux</option>
            </select>
          )}
        </Field>
        <Field
          label="Phrase (modèle)"
          hint="{value} est remplacé par le chiffre : « {value} heures par semaine en moyenne »"
        >
          {(p) => (
            <input {...p} value={d.template} onChange={(e) => set({ template: e.target.value })} />
          )}
        </Field>
        <div className="field">
          <label className="field__choice">
            <input
              type="checkbox"
              checked={d.published ?? false}
              onChange={(e) => set({ published: e.target.checked })}
            />{" "}
            Publié (visible de la presse et dans le dossier de presse)
          </label>
        </div>
      </div>
      <h3>Valeur calculée maintenant</h3>
      <div aria-live="polite">
        <LivePreview definition={d} />
      </div>
      {save.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(save.error)}
        </p>
      )}
      <p className="survey-status">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Enregistrer
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Annuler
        </button>
      </p>
    </form>
  );
}

/**
 * Key figures: what the press kit quotes, each computed from stored responses; then the
 * selected edition's figures quoted from someone else's publication, with their provenance.
 */
export default function KeyFiguresPage() {
  const trpc = useTRPC();
  const edition = useEdition();
  const figures = useQuery(trpc.survey.keyFigures.queryOptions());
  const [editing, setEditing] = useState<KeyFigureDefinitionInput | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section>
      <p>
        <Link to="/enquetes">← Enquêtes</Link>
      </p>
      <div className="page-header">
        <h1>Chiffres clés</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setMessage(null);
            setEditing("new");
          }}
        >
          Nouveau chiffre clé
        </button>
      </div>
      <p className="muted">
        Chaque chiffre est recalculé à partir des réponses enregistrées, avec sa provenance ; le
        dossier de presse cite les chiffres publiés.
      </p>
      <div role="status">{message && <p className="notice notice--ok">{message}</p>}</div>
      {editing && (
        <KeyFigureEditor
          key={editing === "new" ? "new" : editing.id}
          initial={editing === "new" ? null : editing}
          onDone={(m) => {
            setEditing(null);
            setMessage(m);
          }}
        />
      )}
      {figures.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(figures.error)}
        </p>
      )}
      {figures.data?.length === 0 && (
        <EmptyState>
          Aucun chiffre clé défini. Ajoutez-en un avec « Nouveau chiffre clé » ci-dessus : il est
          recalculé à partir des réponses d'une enquête.
        </EmptyState>
      )}
      {figures.data && figures.data.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Chiffres clés</caption>
            <thead>
              <tr>
                <th scope="col">Chiffre</th>
                <th scope="col">Valeur et provenance</th>
                <th scope="col">Publié</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.data.map((f) => (
                <tr key={f.definition.id}>
                  <th scope="row">
                    <code>{f.definition.id}</code>
                  </th>
                  <td>
                    <FigureReading figure={f} />
                  </td>
                  <td>{f.definition.published ? "Oui" : "Non"}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        setMessage(null);
                        setEditing(f.definition);
                      }}
                    >
                      Modifier
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {edition.data && <ManualFigures year={edition.data.year} readOnly={edition.readOnly} />}
    </section>
  );
}
