import type { Survey, SurveyDraftInput } from "@tribune/domain/surveys";
import { SurveyDraft } from "@tribune/domain/surveys";
import { useFieldArray, useForm } from "react-hook-form";
import { emptyDraft } from "../draft";

/**
 * The builder's form: the survey's description as fields, its questions as a field array.
 * Partners are typed as one comma-separated line and become a list when the draft is read.
 */
export type BuilderFields = Omit<SurveyDraftInput, "partners"> & { partners: string };

const fieldsOf = (draft: SurveyDraftInput): BuilderFields => ({
  ...draft,
  partners: (draft.partners ?? []).join(", "),
});

/** The draft the server takes, from what the form holds. */
export const draftOf = ({ partners, ...fields }: BuilderFields): SurveyDraftInput => ({
  ...fields,
  partners: partners
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
});

const toDraft = (s: Survey): SurveyDraftInput => {
  const { id: _id, status: _status, ...draft } = s;
  return draft;
};

/** Problems of the draft, each named by where it is ("Question 3 « … » : …"). */
export function issuesOf(draft: SurveyDraftInput): string[] {
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

/** The form and its questions, opened on `survey` (or a blank draft). */
export function useSurveyDraft(survey: Survey | null) {
  const form = useForm<BuilderFields>({
    defaultValues: fieldsOf(survey ? toDraft(survey) : emptyDraft()),
  });
  // A question's own `id` is its code: the field array keeps its row keys under another name.
  const questions = useFieldArray({ control: form.control, name: "questions", keyName: "key" });
  return { form, questions };
}
