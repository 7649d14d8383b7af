import { QUESTION_TYPE_LABELS, type QuestionInput } from "@tribune/domain/surveys";
import { Field } from "../../../../ui/Field";
import { choicesToText, textToChoices } from "../../draft";

type Q = QuestionInput;

const num = (value: string) => (value === "" ? 0 : Number(value));

/** The fields of one question, for its type; changes go straight to the draft. */
export function QuestionEditor({
  question: q,
  onChange,
  locked,
}: {
  question: Q;
  onChange: (q: Q) => void;
  locked: boolean;
}) {
  const set = (patch: Partial<Q>) => onChange({ ...q, ...patch } as Q);
  return (
    <div className="survey-grid">
      <Field label="Intitulé de la question" hint={QUESTION_TYPE_LABELS[q.type]}>
        {(p) => (
          <input
            {...p}
            value={q.label}
            disabled={locked}
            onChange={(e) => set({ label: e.target.value })}
          />
        )}
      </Field>
      <Field label="Code (colonne de l'export CSV)" hint="Minuscules, chiffres et _">
        {(p) => (
          <input
            {...p}
            value={q.id}
            disabled={locked}
            onChange={(e) => set({ id: e.target.value })}
          />
        )}
      </Field>
      <Field label="Aide (facultative)">
        {(p) => (
          <input
            {...p}
            value={q.help ?? ""}
            disabled={locked}
            onChange={(e) => set({ help: e.target.value })}
          />
        )}
      </Field>
      <div className="field">
        <label className="field__choice">
          <input
            type="checkbox"
            checked={q.required ?? true}
            disabled={locked}
            onChange={(e) => set({ required: e.target.checked })}
          />{" "}
          Réponse obligatoire
        </label>
      </div>
      {q.type === "number" && (
        <>
          <Field label="Unité" hint="« heures par semaine », « % »">
            {(p) => (
              <input
                {...p}
                value={q.unit}
                disabled={locked}
                onChange={(e) => set({ unit: e.target.value })}
              />
            )}
          </Field>
          <Field label="Minimum">
            {(p) => (
              <input
                {...p}
                type="number"
                value={q.min}
                disabled={locked}
                onChange={(e) => set({ min: num(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Maximum">
            {(p) => (
              <input
                {...p}
                type="number"
                value={q.max}
                disabled={locked}
                onChange={(e) => set({ max: num(e.target.value) })}
              />
            )}
          </Field>
          <div className="field">
            <label className="field__choice">
              <input
                type="checkbox"
                checked={q.integer ?? false}
                disabled={locked}
                onChange={(e) => set({ integer: e.target.checked })}
              />{" "}
              Nombre entier
            </label>
          </div>
        </>
      )}
      {(q.type === "single" || q.type === "multiple") && (
        <Field
          label="Réponses possibles, une par ligne"
          hint="« code = Libellé » pour fixer le code d'une réponse (colonne d'import)"
        >
          {(p) => (
            <textarea
              {...p}
              rows={Math.max(3, q.choices.length + 1)}
              defaultValue={choicesToText(q.choices)}
              disabled={locked || ("profile" in q && !!q.profile)}
              onBlur={(e) => set({ choices: textToChoices(e.target.value) })}
            />
          )}
        </Field>
      )}
      {q.type === "likert" && (
        <>
          <Field label="Nombre de points">
            {(p) => (
              <input
                {...p}
                type="number"
                min={3}
                max={10}
                value={q.points ?? 5}
                disabled={locked}
                onChange={(e) => set({ points: num(e.target.value) })}
              />
            )}
          </Field>
          <Field label="Libellé du minimum">
            {(p) => (
              <input
                {...p}
                value={q.minLabel ?? "Pas du tout d'accord"}
                disabled={locked}
                onChange={(e) => set({ minLabel: e.target.value })}
              />
            )}
          </Field>
          <Field label="Libellé du maximum">
            {(p) => (
              <input
                {...p}
                value={q.maxLabel ?? "Tout à fait d'accord"}
                disabled={locked}
                onChange={(e) => set({ maxLabel: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
      {q.type === "text" && (
        <Field label="Longueur maximale (caractères)">
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={10000}
              value={q.maxLength ?? 2000}
              disabled={locked}
              onChange={(e) => set({ maxLength: num(e.target.value) })}
            />
          )}
        </Field>
      )}
    </div>
  );
}
