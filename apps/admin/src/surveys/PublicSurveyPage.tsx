import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { errorMessage, fieldErrors, useTRPC } from "../trpc";
import { type AnswerValue, QuestionInput } from "./QuestionInput";

type Draft = Record<string, AnswerValue>;

/** Progress is kept on the respondent's device only, never sent before they submit. */
const draftKey = (slug: string) => `tribune:enquete:${slug}`;
function loadDraft(slug: string): Draft {
  try {
    return JSON.parse(localStorage.getItem(draftKey(slug)) ?? "{}") as Draft;
  } catch {
    return {};
  }
}

/** Public page, no account: answer a survey from its link. Anonymous; progress saved locally. */
export default function PublicSurveyPage() {
  const trpc = useTRPC();
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const token = params.get("jeton");
  const form = useQuery(trpc.survey.form.queryOptions({ slug }));
  const [draft, setDraft] = useState<Draft>(() => loadDraft(slug));
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) localStorage.setItem(draftKey(slug), JSON.stringify(draft));
  }, [draft, slug, done]);
  const respond = useMutation(
    trpc.survey.respond.mutationOptions({
      onSuccess: () => {
        localStorage.removeItem(draftKey(slug));
        setDone(true);
      },
    }),
  );
  const errors = fieldErrors(respond.error) ?? {};

  if (form.error)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(form.error)}
      </p>
    );
  if (!form.data) return <p className="muted">Chargement…</p>;
  const survey = form.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    respond.mutate({ slug, answers: draft, token });
  };

  return (
    <main className="survey-public" id="contenu">
      <header>
        <h1>{survey.title}</h1>
        <p className="muted">
          Réponse anonyme : ni votre nom, ni votre adresse, ni l'heure de votre réponse ne sont
          enregistrés avec vos réponses. Vos réponses en cours restent sur cet appareil.
        </p>
      </header>
      {done ? (
        <section className="card" role="status">
          <h2>Merci pour votre réponse !</h2>
        </section>
      ) : (
        <form onSubmit={submit} noValidate>
          {survey.questions.map((q) => (
            <QuestionInput
              key={q.id}
              q={q}
              value={draft[q.id] ?? null}
              error={errors[q.id]?.[0]}
              onChange={(v) => setDraft((d) => ({ ...d, [q.id]: v }))}
            />
          ))}
          {respond.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(respond.error)}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={respond.isPending}>
            Envoyer mes réponses
          </button>
        </form>
      )}
    </main>
  );
}
