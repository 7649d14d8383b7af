import type { QuestionInput, QuestionType, SurveyDraftInput } from "@tribune/domain/surveys";

/** Helpers of the survey builder: codes from labels, new questions, choices as text. */

/** "Année d'internat" → "annee_d_internat": a code as the questionnaire's rules want it. */
export function codeFrom(label: string, fallback: string): string {
  const code = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return /^[a-z]/.test(code) ? code : fallback;
}

export function uniqueCode(wanted: string, taken: readonly string[]): string {
  let code = wanted;
  for (let i = 2; taken.includes(code); i++) code = `${wanted.slice(0, 36)}_${i}`;
  return code;
}

const CHOICES = [
  { value: "oui_tout_a_fait", label: "Oui, tout à fait" },
  { value: "en_partie", label: "En partie" },
  { value: "non", label: "Non" },
];

/** A new question of a type, with sensible defaults the person then edits. */
export function newQuestion(type: QuestionType, id: string): QuestionInput {
  const base = { id, label: "", help: "", required: true };
  switch (type) {
    case "number":
      return { ...base, type, unit: "", min: 0, max: 100, integer: false };
    case "single":
    case "multiple":
      return { ...base, type, choices: CHOICES };
    case "yes_no":
      return { ...base, type };
    case "likert":
      return { ...base, type, points: 5 };
    case "text":
      return { ...base, type, required: false, maxLength: 2000 };
  }
}

/** Choices as lines: "Libellé", or "code = Libellé" when the code is not the label's own. */
export function choicesToText(choices: readonly { value: string; label: string }[]): string {
  return choices
    .map((c) => (c.value === codeFrom(c.label, c.value) ? c.label : `${c.value} = ${c.label}`))
    .join("\n");
}

export function textToChoices(text: string): { value: string; label: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const at = line.indexOf("=");
      if (at > 0) return { value: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
      return { value: codeFrom(line, `choix_${i + 1}`), label: line };
    });
}

export const emptyDraft = (): SurveyDraftInput => ({
  slug: "",
  title: "",
  year: new Date().getFullYear(),
  partners: [],
  audience: "",
  opensOn: null,
  closesOn: null,
  anonymity: "anonymous",
  sensitivity: "standard",
  disclosureThreshold: 11,
  questions: [],
});

/** Slug of a title, for a survey's public link. */
export const slugFrom = (title: string) =>
  codeFrom(title, "enquete").replaceAll("_", "-").slice(0, 60);
