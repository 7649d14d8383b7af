import { useMutation, useQuery } from "@tanstack/react-query";
import type { Question } from "@tribune/domain";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { errorMessage, fieldErrors, useTRPC } from "../trpc";

type Value = string | number | boolean | string[] | null;
type Draft = Record<string, Value>;

/** Progress is kept on the respondent's device only, never sent before they submit. */
const draftKey = (slug: string) => `tribune:enquete:${slug}`;
function loadDraft(slug: string): Draft {
  try {
    return JSON.parse(localStorage.getItem(draftKey(slug)) ?? "{}") as Draft;
  } catch {
    return {};
  }
}

function QuestionInput({
  q,
  value,
  onChange,
  error,
}: {
  q: Question;
  value: Value;
  onChange: (v: Value) => void;
  error: string | undefined;
}) {
  const legend = (
    <legend>
      {q.label}
      {q.required ? " *" : " (facultatif)"}
    </legend>
  );
  const errorLine = error && (
    <p className="field__error" role="alert">
      {error}
    </p>
  );
  const radios = (
    options: { value: string; label: string }[],
    current: string | null,
    set: (v: string) => void,
  ) =>
    options.map((o) => (
      <label key={o.value} className="choice">
        <input
          type="radio"
          name={q.id}
          checked={current === o.value}
          onChange={() => set(o.value)}
        />{" "}
        {o.label}
      </label>
    ));
  let control: ReactNode;
  switch (q.type) {
    case "number":
      control = (
        <label className="choice">
          <input
            type="number"
            inputMode="decimal"
            min={q.min}
            max={q.max}
            step={q.integer ? 1 : "any"}
            value={typeof value === "number" ? value : ""}
            aria-invalid={!!error}
            onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
          />{" "}
          {q.unit}
        </label>
      );
      break;
    case "single":
      control = radios(q.choices, typeof value === "string" ? value : null, onChange);
      break;
    case "yes_no":
      control = radios(
        [
          { value: "yes", label: "Oui" },
          { value: "no", label: "Non" },
        ],
        value === true ? "yes" : value === false ? "no" : null,
        (v) => onChange(v === "yes"),
      );
      break;
    case "likert":
      control = (
        <>
          <span className="muted small">{q.minLabel}</span>{" "}
          {radios(
            Array.from({ length: q.points }, (_, i) => ({
              value: String(i + 1),
              label: String(i + 1),
            })),
            typeof value === "number" ? String(value) : null,
            (v) => onChange(Number(v)),
          )}{" "}
          <span className="muted small">{q.maxLabel}</span>
        </>
      );
      break;
    case "multiple": {
      const list = Array.isArray(value) ? value : [];
      control = q.choices.map((c) => (
        <label key={c.value} className="choice">
          <input
            type="checkbox"
            checked={list.includes(c.value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...list, c.value] : list.filter((x) => x !== c.value))
            }
          />{" "}
          {c.label}
        </label>
      ));
      break;
    }
    case "text":
      control = (
        <textarea
          maxLength={q.maxLength}
          rows={4}
          aria-label={q.label}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
  }
  return (
    <fieldset className="field" aria-invalid={!!error}>
      {legend}
      {q.help && <p className="field__hint">{q.help}</p>}
      {control}
      {errorLine}
    </fieldset>
  );
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
    <main className="public-registration" id="contenu">
      <header className="public-registration__header">
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
