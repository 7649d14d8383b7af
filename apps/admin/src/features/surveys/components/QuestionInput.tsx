import type { Question } from "@tribune/domain/surveys";
import type { ReactNode } from "react";
import "./survey-form.css";

export type AnswerValue = string | number | boolean | string[] | null;

/**
 * One question as a respondent sees it (the public form, and the builder's preview): a
 * fieldset with its legend, the control for its type, and its French error under it.
 */
export function QuestionInput({
  q,
  value,
  onChange,
  error,
}: {
  q: Question;
  value: AnswerValue;
  onChange: (v: AnswerValue) => void;
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
      <label key={o.value} className="survey-choice">
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
        <label className="survey-choice">
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
    case "likert": {
      // One row that never wraps mid-scale: the points share the width, each number under its
      // radio; the end labels sit below the scale's ends.
      const current = typeof value === "number" ? String(value) : null;
      control = (
        <div className="survey-likert">
          <div
            className="survey-likert__scale"
            style={{ gridTemplateColumns: `repeat(${q.points}, minmax(0, 1fr))` }}
          >
            {Array.from({ length: q.points }, (_, i) => String(i + 1)).map((point) => (
              <label key={point} className="survey-likert__point">
                <input
                  type="radio"
                  name={q.id}
                  checked={current === point}
                  onChange={() => onChange(Number(point))}
                />
                <span>{point}</span>
              </label>
            ))}
          </div>
          {(q.minLabel || q.maxLabel) && (
            <p className="survey-likert__ends muted small">
              <span>1 : {q.minLabel}</span>
              <span>
                {q.points} : {q.maxLabel}
              </span>
            </p>
          )}
        </div>
      );
      break;
    }
    case "multiple": {
      const list = Array.isArray(value) ? value : [];
      control = q.choices.map((c) => (
        <label key={c.value} className="survey-choice">
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
    <fieldset className="survey-question" aria-invalid={!!error}>
      {legend}
      {q.help && <p className="field__hint">{q.help}</p>}
      {control}
      {errorLine}
    </fieldset>
  );
}
