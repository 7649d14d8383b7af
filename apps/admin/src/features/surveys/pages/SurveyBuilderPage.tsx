import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Survey } from "@tribune/domain/surveys";
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { DescriptionCard } from "../components/builder/DescriptionCard";
import { QuestionsCard } from "../components/builder/QuestionsCard";
import { StatusPanel } from "../components/builder/StatusPanel";
import { SurveyPreview } from "../components/builder/SurveyPreview";
import { SurveyTabs } from "../components/SurveyTabs";
import { draftOf, issuesOf, useSurveyDraft } from "../hooks/useSurveyDraft";

/**
 * The survey's form: description, questions, the problems found on saving (named question by
 * question), and the preview as respondents will see it. Answers lock the questions.
 */
function Builder({ survey, hasAnswers }: { survey: Survey | null; hasAnswers: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { form, questions } = useSurveyDraft(survey);
  const draft = draftOf(form.watch());
  const [issues, setIssues] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.survey.pathKey() });
  const create = useMutation(trpc.survey.create.mutationOptions());
  const update = useMutation(trpc.survey.update.mutationOptions());
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    // The values as held, disabled fields included (a shared link, a locked anonymity mode).
    const current = draftOf(form.getValues());
    const found = issuesOf(current);
    setIssues(found);
    if (found.length > 0) return;
    if (survey) {
      await update.mutateAsync({ id: survey.id, survey: current });
      setSaved("Enquête enregistrée.");
      await invalidate();
    } else {
      const created = await create.mutateAsync(current);
      await invalidate();
      navigate(`/enquetes/${created.id}/questionnaire`, { replace: true });
    }
  };

  return (
    <form
      onSubmit={(e) => void save(e).catch(() => undefined)}
      onChange={() => setSaved(null)}
      noValidate
    >
      <DescriptionCard form={form} survey={survey} locked={hasAnswers} />
      <QuestionsCard
        questions={draft.questions ?? []}
        fields={questions}
        onQuestionChange={(i, next) => form.setValue(`questions.${i}`, next)}
        locked={hasAnswers}
      />
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
