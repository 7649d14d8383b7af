import { useMutation, useQuery } from "@tanstack/react-query";
import { formatCount, formatDate } from "@tribune/domain/format";
import { answerFieldErrors, validateResponse } from "@tribune/domain/surveys";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { PublicError, PublicPage } from "../../../ui/public/PublicPage";
import { type AnswerValue, QuestionInput } from "../components/QuestionInput";

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

/**
 * An open-link survey (no personal token) answered from this browser: a marker kept here, so
 * that a reload says it was answered instead of offering a blank form again. It holds the date
 * only, never the answers; a token survey needs none (the server refuses a spent token).
 */
const answeredKey = (slug: string) => `tribune:enquete:${slug}:repondu`;
function answeredOn(slug: string): string | null {
  try {
    return localStorage.getItem(answeredKey(slug));
  } catch {
    return null;
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
  const [answered, setAnswered] = useState(() => (token ? null : answeredOn(slug)));
  useEffect(() => {
    if (!done) localStorage.setItem(draftKey(slug), JSON.stringify(draft));
  }, [draft, slug, done]);
  const respond = useMutation(
    trpc.survey.respond.mutationOptions({
      onSuccess: () => {
        localStorage.removeItem(draftKey(slug));
        if (!token) localStorage.setItem(answeredKey(slug), new Date().toISOString());
        setDone(true);
      },
    }),
  );
  // The domain's own check, run here before sending: what it refuses never leaves the device.
  const [missing, setMissing] = useState<Record<string, string[]> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (missing) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [missing]);
  const errors = missing ?? fieldErrors(respond.error) ?? {};

  if (form.error) return <PublicError title="Enquête" message={errorMessage(form.error)} />;
  if (!form.data)
    return (
      <PublicPage title="Enquête">
        <p className="muted public__empty">Chargement…</p>
      </PublicPage>
    );
  const survey = form.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateResponse(survey, draft);
    if (!checked.ok) {
      setMissing(answerFieldErrors(checked.errors));
      return;
    }
    setMissing(null);
    respond.mutate({ slug, answers: draft, token });
  };
  const toFix = missing ? Object.keys(missing).length : 0;

  return (
    <PublicPage title={survey.title}>
      <div className="survey-public">
        <p className="muted">
          Réponse anonyme : ni votre nom, ni votre adresse, ni l'heure de votre réponse ne sont
          enregistrés avec vos réponses. Vos réponses en cours restent sur cet appareil.
        </p>
        {done ? (
          <section className="card" role="status">
            <h2>Merci pour votre réponse !</h2>
            <p>Votre réponse est enregistrée. Vous pouvez fermer cette page.</p>
          </section>
        ) : answered ? (
          <section className="card" aria-labelledby="survey-answered">
            <h2 id="survey-answered">Vous avez déjà répondu à cette enquête</h2>
            <p>
              Une réponse a été envoyée depuis ce navigateur le {formatDate(answered)}. Merci ! Une
              seule réponse par personne.
            </p>
            <p className="muted">
              Ce navigateur est partagé et vous n'avez pas encore répondu ?{" "}
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  localStorage.removeItem(answeredKey(slug));
                  setAnswered(null);
                }}
              >
                Répondre quand même
              </button>
            </p>
          </section>
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate>
            {survey.questions.map((q) => (
              <QuestionInput
                key={q.id}
                q={q}
                value={draft[q.id] ?? null}
                error={errors[q.id]?.[0]}
                onChange={(v) => {
                  setDraft((d) => ({ ...d, [q.id]: v }));
                  // An answer given clears its own message, not the others'.
                  setMissing((m) => {
                    if (!m?.[q.id]) return m;
                    const { [q.id]: _answered, ...rest } = m;
                    return Object.keys(rest).length > 0 ? rest : null;
                  });
                }}
              />
            ))}
            {toFix > 0 && (
              <p role="alert" className="notice notice--error">
                {formatCount(
                  toFix,
                  "question à compléter ou corriger",
                  "questions à compléter ou corriger",
                )}{" "}
                avant l'envoi.
              </p>
            )}
            {respond.error && !missing && (
              <p role="alert" className="notice notice--error">
                {errorMessage(respond.error)}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={respond.isPending}>
              Envoyer mes réponses
            </button>
          </form>
        )}
      </div>
    </PublicPage>
  );
}
