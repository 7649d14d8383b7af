import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  allowedStatuses,
  QUESTION_TYPE_LABELS,
  type QuestionInput,
  type QuestionType,
  SURVEY_STATUS_ACTIONS,
  SURVEY_STATUS_LABELS,
  type Survey,
  type SurveyBuilderView,
  SurveyDraft,
  type SurveyDraftInput,
  subdivisionQuestion,
  yearOfTrainingQuestion,
} from "@tribune/domain";
import { formatNumber } from "@tribune/domain/format";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { Field } from "../../components/Field";
import { errorMessage, useTRPC } from "../../trpc";
import { ShareLink } from "../ShareLink";
import { SurveyTabs } from "../SurveyTabs";
import { codeFrom, emptyDraft, newQuestion, slugFrom, uniqueCode } from "./draft";
import { InvitationLinks } from "./InvitationLinks";
import { QuestionEditor } from "./QuestionEditor";
import { SurveyPreview } from "./SurveyPreview";

const TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

const toDraft = (s: Survey): SurveyDraftInput => {
  const { id: _id, status: _status, ...draft } = s;
  return draft;
};

/** Problems of the draft, each named by where it is ("Question 3 « … » : …"). */
function issuesOf(draft: SurveyDraftInput): string[] {
  const parsed = SurveyDraft.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [head, index] = issue.path;
    if (head === "questions" && typeof index === "number") {
      const q = draft.questions?.[index];
      return `Question ${index + 1}${q?.label ? ` « ${q.label} »` : ""} : ${issue.message}`;
    }
    return issue.message;
  });
}

/**
 * What the builder says of a survey's answers. Locking goes by `hasAnswers` (the server's rule:
 * answers received, those waiting to enter the results included), never by the count, which
 * stays at 0 until a batch enters the results, and moves in steps while health data is withheld.
 */
function answersNotice(view: SurveyBuilderView): string {
  if (!view.hasAnswers) return "Aucune réponse.";
  if (view.withheld)
    return view.responses === 0
      ? `Des réponses ont été reçues, moins de ${view.withheld.step} (données de santé : comptées par paliers de ${view.withheld.step}).`
      : `${formatNumber(view.responses)} réponses reçues ou plus (données de santé : comptées par paliers de ${view.withheld.step}).`;
  if (view.responses === 0)
    return `Des réponses ont été reçues : elles entrent dans les résultats par lots de ${view.batch}.`;
  return `${formatNumber(view.responses)} réponse(s).`;
}

function Builder({ survey, hasAnswers }: { survey: Survey | null; hasAnswers: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const subdivisions = useQuery(trpc.subdivision.options.queryOptions());
  const [draft, setDraft] = useState<SurveyDraftInput>(() =>
    survey ? toDraft(survey) : emptyDraft(),
  );
  const [partners, setPartners] = useState(() => (draft.partners ?? []).join(", "));
  const [editing, setEditing] = useState<number | null>(null);
  const [newType, setNewType] = useState<QuestionType>("single");
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const questions = draft.questions ?? [];
  const locked = hasAnswers;
  const slugTouched = survey !== null;

  const set = (patch: Partial<SurveyDraftInput>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setQuestions = (next: QuestionInput[]) => set({ questions: next });
  const addQuestion = (q: QuestionInput) => {
    setQuestions([...questions, q]);
    setEditing(questions.length);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...questions];
    const [q] = next.splice(i, 1);
    if (!q) return;
    next.splice(i + by, 0, q);
    setQuestions(next);
    setEditing(null);
  };
  const hasProfile = (profile: string) =>
    questions.some((q) => q.type === "single" && q.profile === profile);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
  const create = useMutation(trpc.survey.create.mutationOptions());
  const update = useMutation(trpc.survey.update.mutationOptions());
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found = issuesOf(draft);
    setIssues(found);
    if (found.length > 0) return;
    if (survey) {
      await update.mutateAsync({ id: survey.id, survey: draft });
      setSaved("Enquête enregistrée.");
      await invalidate();
    } else {
      const created = await create.mutateAsync(draft);
      await invalidate();
      navigate(`/enquetes/${created.id}/questionnaire`, { replace: true });
    }
  };

  return (
    <form onSubmit={(e) => void save(e).catch(() => undefined)} noValidate>
      <div className="card survey-card">
        <h2>Description</h2>
        <div className="survey-grid">
          <Field label="Titre" error={undefined}>
            {(p) => (
              <input
                {...p}
                value={draft.title}
                onChange={(e) =>
                  set({
                    title: e.target.value,
                    ...(slugTouched ? {} : { slug: slugFrom(e.target.value) }),
                  })
                }
              />
            )}
          </Field>
          <Field
            label="Identifiant (lien public)"
            hint={
              survey && survey.status !== "draft"
                ? "Le lien a été diffusé : il ne change plus."
                : "Minuscules, chiffres et -"
            }
          >
            {(p) => (
              <input
                {...p}
                value={draft.slug}
                disabled={!!survey && survey.status !== "draft"}
                onChange={(e) => set({ slug: e.target.value })}
              />
            )}
          </Field>
          <Field label="Année">
            {(p) => (
              <input
                {...p}
                type="number"
                value={draft.year ?? ""}
                onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : null })}
              />
            )}
          </Field>
          <Field label="Partenaires" hint="Séparés par des virgules : ISNI, FNSIP-BM">
            {(p) => (
              <input
                {...p}
                value={partners}
                onChange={(e) => {
                  setPartners(e.target.value);
                  set({
                    partners: e.target.value
                      .split(",")
                      .map((x) => x.trim())
                      .filter(Boolean),
                  });
                }}
              />
            )}
          </Field>
          <Field label="Public visé">
            {(p) => (
              <input
                {...p}
                value={draft.audience ?? ""}
                onChange={(e) => set({ audience: e.target.value })}
              />
            )}
          </Field>
          <Field label="Ouverture">
            {(p) => (
              <input
                {...p}
                type="date"
                value={draft.opensOn ?? ""}
                onChange={(e) => set({ opensOn: e.target.value || null })}
              />
            )}
          </Field>
          <Field label="Clôture">
            {(p) => (
              <input
                {...p}
                type="date"
                value={draft.closesOn ?? ""}
                onChange={(e) => set({ closesOn: e.target.value || null })}
              />
            )}
          </Field>
          <Field
            label="Anonymat"
            hint={locked ? "Des réponses existent : le mode ne peut plus changer." : undefined}
          >
            {(p) => (
              <select
                {...p}
                value={draft.anonymity ?? "anonymous"}
                disabled={locked}
                onChange={(e) =>
                  set({ anonymity: e.target.value as SurveyDraftInput["anonymity"] })
                }
              >
                <option value="anonymous">Anonyme, sur invitation (lien à usage unique)</option>
                <option value="open_link">Anonyme, lien ouvert à toutes et tous</option>
              </select>
            )}
          </Field>
          <Field
            label="Seuil de confidentialité"
            hint="Groupes plus petits masqués ; jamais moins de 5 (11 par défaut)"
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={5}
                value={draft.disclosureThreshold ?? 11}
                onChange={(e) => set({ disclosureThreshold: Number(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Sensibilité">
            {(p) => (
              <select
                {...p}
                value={draft.sensitivity ?? "standard"}
                onChange={(e) =>
                  set({ sensitivity: e.target.value as SurveyDraftInput["sensitivity"] })
                }
              >
                <option value="standard">Ordinaire</option>
                <option value="health">
                  Données de santé (ventilations réservées à l'administration et au Bureau)
                </option>
              </select>
            )}
          </Field>
        </div>
      </div>

      <div className="card survey-card">
        <h2>Questions ({questions.length})</h2>
        {locked && (
          <p className="notice notice--warning">
            Des réponses ont été reçues : les questions sont verrouillées.
          </p>
        )}
        <ol className="question-list">
          {questions.map((q, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a code being typed is no identity; moving closes the editor
              key={`${i}-${q.type}`}
              className={editing === i ? "question-card question-card--editing" : "question-card"}
            >
              <div className="question-card__head">
                <div>
                  <strong>
                    {i + 1}. {q.label || <em className="muted">(sans intitulé)</em>}
                  </strong>{" "}
                  <span className="muted small">
                    {QUESTION_TYPE_LABELS[q.type]}
                    {q.type === "single" && q.profile ? " · question de profil" : ""} ·{" "}
                    {q.required === false ? "facultative" : "obligatoire"} · <code>{q.id}</code>
                  </span>
                </div>
                {locked ? (
                  // Locked: the question opens read-only (its fields are disabled).
                  <div className="question-card__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={editing === i}
                      aria-label={`${editing === i ? "Fermer" : "Voir"} la question ${i + 1}`}
                      onClick={() => setEditing(editing === i ? null : i)}
                    >
                      {editing === i ? "Fermer" : "Voir"}
                    </button>
                  </div>
                ) : (
                  <div className="question-card__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`Monter la question ${i + 1}`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={i === questions.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Descendre la question ${i + 1}`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={editing === i}
                      onClick={() => setEditing(editing === i ? null : i)}
                    >
                      {editing === i ? "Fermer" : "Modifier"}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      onClick={() => {
                        setQuestions(questions.filter((_, j) => j !== i));
                        setEditing(null);
                      }}
                    >
                      Retirer
                    </button>
                  </div>
                )}
              </div>
              {editing === i && (
                <QuestionEditor
                  question={q}
                  locked={locked}
                  onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
                />
              )}
            </li>
          ))}
        </ol>
        {!locked && (
          <div className="survey-toolbar">
            <label>
              Type de question
              <select value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)}>
                {TYPES.map((t) => (
                  <option key={t} value={t}>
                    {QUESTION_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button"
              onClick={() =>
                addQuestion(
                  newQuestion(
                    newType,
                    uniqueCode(
                      codeFrom(`q${questions.length + 1}`, "q"),
                      questions.map((q) => q.id),
                    ),
                  ),
                )
              }
            >
              Ajouter une question
            </button>
            <button
              type="button"
              className="button"
              disabled={hasProfile("subdivision") || !subdivisions.data}
              onClick={() =>
                addQuestion(
                  subdivisionQuestion(
                    subdivisions.data ?? [],
                    uniqueCode(
                      "subdivision",
                      questions.map((q) => q.id),
                    ),
                  ),
                )
              }
            >
              + Subdivision (profil)
            </button>
            <button
              type="button"
              className="button"
              disabled={hasProfile("year_of_training")}
              onClick={() =>
                addQuestion(
                  yearOfTrainingQuestion(
                    uniqueCode(
                      "annee",
                      questions.map((q) => q.id),
                    ),
                  ),
                )
              }
            >
              + Année d'internat (profil)
            </button>
          </div>
        )}
      </div>

      <div role="status">{saved && <p className="notice notice--ok">{saved}</p>}</div>
      {(issues.length > 0 || error) && (
        <div role="alert" className="notice notice--error">
          {error ? errorMessage(error) : "Le questionnaire n'est pas encore valable :"}
          {issues.length > 0 && (
            <ul className="issues">
              {issues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>
        <button type="submit" className="button button--primary" disabled={saving}>
          {survey ? "Enregistrer" : "Créer l'enquête (brouillon)"}
        </button>
      </p>
      <SurveyPreview draft={draft} />
    </form>
  );
}

function StatusPanel({ view }: { view: SurveyBuilderView }) {
  const { survey } = view;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
  const setStatus = useMutation(trpc.survey.setStatus.mutationOptions({ onSuccess }));
  const remove = useMutation(
    trpc.survey.delete.mutationOptions({
      onSuccess: async () => {
        await onSuccess();
        navigate("/enquetes");
      },
    }),
  );
  const link = `${window.location.origin}/public/enquete/${survey.slug}`;
  return (
    <div className="card survey-card">
      <h2>Statut : {SURVEY_STATUS_LABELS[survey.status]}</h2>
      <p className="muted">
        {answersNotice(view)}{" "}
        {survey.status === "open" && survey.anonymity === "anonymous" && (
          <>
            Lien de réponse : <a href={link}>{link}</a> (avec un jeton à usage unique par personne)
          </>
        )}
        {survey.status === "open" &&
          survey.anonymity === "open_link" &&
          "Lien de réponse, à partager :"}
      </p>
      {survey.status === "open" && survey.anonymity === "open_link" && (
        <ShareLink url={link} title={survey.title} />
      )}
      {survey.status === "open" && survey.anonymity === "anonymous" && (
        <InvitationLinks surveyId={survey.id} slug={survey.slug} />
      )}
      <div className="survey-status">
        {allowedStatuses(survey.status).map((to) => (
          <button
            key={to}
            type="button"
            className={to === "draft" ? "button" : "button button--primary"}
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: survey.id, status: to })}
          >
            {SURVEY_STATUS_ACTIONS[to]}
          </button>
        ))}
        {survey.status === "draft" && !view.hasAnswers && (
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Supprimer le brouillon « ${survey.title} » ?`))
                remove.mutate({ id: survey.id });
            }}
          >
            Supprimer le brouillon
          </button>
        )}
      </div>
      {(setStatus.error || remove.error) && (
        <p role="alert" className="notice notice--error">
          {errorMessage(setStatus.error ?? remove.error)}
        </p>
      )}
    </div>
  );
}

/** Builds a survey: its description, its questions (add, edit, reorder, preview), its status. */
export default function SurveyBuilderPage() {
  const trpc = useTRPC();
  const { id } = useParams();
  const view = useQuery(trpc.survey.builder.queryOptions(id ? { id } : skipToken));
  if (!id)
    return (
      <section>
        <h1>Nouvelle enquête</h1>
        <Builder survey={null} hasAnswers={false} />
      </section>
    );
  if (view.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(view.error)}
      </p>
    );
  if (!view.data) return <p className="muted">Chargement…</p>;
  const { survey, hasAnswers } = view.data;
  return (
    <section>
      <h1>{survey.title}</h1>
      <SurveyTabs id={id} />
      <StatusPanel view={view.data} />
      <Builder key={`${survey.id}-${hasAnswers}`} survey={survey} hasAnswers={hasAnswers} />
    </section>
  );
}
