import { useQuery } from "@tanstack/react-query";
import {
  QUESTION_TYPE_LABELS,
  type QuestionInput,
  type QuestionType,
  subdivisionQuestion,
  yearOfTrainingQuestion,
} from "@tribune/domain/surveys";
import { useState } from "react";
import type { UseFieldArrayReturn } from "react-hook-form";
import { useTRPC } from "../../../../app/trpc";
import { codeFrom, newQuestion, uniqueCode } from "../../draft";
import type { BuilderFields } from "../../hooks/useSurveyDraft";
import { QuestionEditor } from "./QuestionEditor";

const TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

/**
 * The survey's questions: one card each (edit, move, remove), and the toolbar that adds a new
 * question or one of the two profile questions. Locked once answers exist: cards open read-only.
 */
export function QuestionsCard({
  questions,
  fields,
  onQuestionChange,
  locked,
}: {
  /** The questions as the form holds them now. */
  questions: QuestionInput[];
  fields: UseFieldArrayReturn<BuilderFields, "questions", "key">;
  /** Changes a question in place (the field array's own update would remount its card). */
  onQuestionChange: (index: number, next: QuestionInput) => void;
  locked: boolean;
}) {
  const trpc = useTRPC();
  const subdivisions = useQuery(trpc.subdivision.options.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [newType, setNewType] = useState<QuestionType>("single");
  const codes = questions.map((q) => q.id);
  const hasProfile = (profile: string) =>
    questions.some((q) => q.type === "single" && q.profile === profile);
  const add = (q: QuestionInput) => {
    fields.append(q);
    setEditing(questions.length);
  };
  const move = (i: number, by: -1 | 1) => {
    fields.move(i, i + by);
    setEditing(null);
  };
  const toggle = (i: number) => setEditing(editing === i ? null : i);

  return (
    <div className="card survey-card">
      <h2>Questions ({questions.length})</h2>
      {locked && (
        <p className="notice notice--warning">
          Des réponses ont été reçues : les questions sont verrouillées.
        </p>
      )}
      <ol className="question-list">
        {fields.fields.map((row, i) => {
          const q = questions[i] ?? row;
          return (
            <li
              key={row.key}
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
                      onClick={() => toggle(i)}
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
                      onClick={() => toggle(i)}
                    >
                      {editing === i ? "Fermer" : "Modifier"}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      onClick={() => {
                        fields.remove(i);
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
                  onChange={(next) => onQuestionChange(i, next)}
                />
              )}
            </li>
          );
        })}
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
              add(
                newQuestion(newType, uniqueCode(codeFrom(`q${questions.length + 1}`, "q"), codes)),
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
              add(subdivisionQuestion(subdivisions.data ?? [], uniqueCode("subdivision", codes)))
            }
          >
            + Subdivision (profil)
          </button>
          <button
            type="button"
            className="button"
            disabled={hasProfile("year_of_training")}
            onClick={() => add(yearOfTrainingQuestion(uniqueCode("annee", codes)))}
          >
            + Année d'internat (profil)
          </button>
        </div>
      )}
    </div>
  );
}
