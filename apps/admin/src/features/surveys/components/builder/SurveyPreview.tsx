import { formatCount } from "@tribune/domain/format";
import { Question, type SurveyDraftInput } from "@tribune/domain/surveys";
import { useState } from "react";
import { type AnswerValue, QuestionInput } from "../QuestionInput";

/**
 * The questionnaire as respondents will see it, with the public form's own components; answers
 * typed here stay in the page. A question not yet valid is left out, and said so.
 */
export function SurveyPreview({ draft }: { draft: SurveyDraftInput }) {
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const parsed = (draft.questions ?? []).map((q) => Question.safeParse(q));
  const invalid = parsed.filter((p) => !p.success).length;
  return (
    <div className="card survey-card">
      <h2>Aperçu</h2>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Masquer l'aperçu" : "Voir comme un·e répondant·e"}
      </button>
      {open && (
        <div className="survey-preview">
          <h3>{draft.title || "(sans titre)"}</h3>
          {invalid > 0 && (
            <p className="notice notice--warning">
              {`${formatCount(invalid, "question incomplète, absente", "questions incomplètes, absentes")} de l'aperçu.`}
            </p>
          )}
          {parsed.map((p, i) =>
            p.success ? (
              <QuestionInput
                // biome-ignore lint/suspicious/noArrayIndexKey: two draft questions may share a code
                key={`${i}-${p.data.id}`}
                q={p.data}
                value={answers[p.data.id] ?? null}
                error={undefined}
                onChange={(v) => setAnswers((a) => ({ ...a, [p.data.id]: v }))}
              />
            ) : null,
          )}
        </div>
      )}
    </div>
  );
}
