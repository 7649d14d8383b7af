import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { surveyResponses } from "../schema";

/**
 * Free-text answers, each under an id of its own, and the hiding of one of them.
 *
 * The id is a hash of the response's id and the question's code: it names one answer to one
 * question, so that it can be hidden, without being the response's id — two free-text answers of
 * the same person carry unrelated ids and cannot be paired by whoever reads them.
 *
 * A hidden answer stays stored, and is listed under `_hidden` in the response's own answers (no
 * question code starts with "_"); it is never read again.
 */

/** Key of the list of hidden questions inside a response's answers. */
export const HIDDEN_ANSWERS_KEY = "_hidden";

const answerId = (questionId: string): SQL =>
  sql`encode(sha256(convert_to(${surveyResponses.id}::text || ':' || ${questionId}::text, 'UTF8')), 'hex')`;

const notHidden = (questionId: string): SQL =>
  sql`not coalesce(jsonb_exists(${surveyResponses.answers} -> ${HIDDEN_ANSWERS_KEY}::text, ${questionId}::text), false)`;

/** The free-text answers to a question that are not hidden, with their ids. */
export async function visibleFreeTextAnswers(
  db: Executor,
  surveyId: string,
  questionId: string,
): Promise<{ id: string; text: string }[]> {
  const rows = await db
    .select({
      id: sql<string>`${answerId(questionId)}`,
      text: sql<string>`(${surveyResponses.answers} ->> ${questionId}::text)`,
    })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.surveyId, surveyId),
        sql`(${surveyResponses.answers} ->> ${questionId}::text) is not null`,
        notHidden(questionId),
      ),
    );
  return rows.map((r) => ({ id: r.id, text: r.text }));
}

/** Hides one free-text answer; false when no visible answer has this id. */
export async function hideFreeTextAnswer(
  db: Executor,
  input: { surveyId: string; questionId: string; answerId: string },
): Promise<boolean> {
  const hidden = sql`coalesce(${surveyResponses.answers} -> ${HIDDEN_ANSWERS_KEY}::text, '[]'::jsonb)`;
  const rows = await db
    .update(surveyResponses)
    .set({
      answers: sql`jsonb_set(${surveyResponses.answers}, array[${HIDDEN_ANSWERS_KEY}::text], ${hidden} || to_jsonb(${input.questionId}::text))`,
    })
    .where(
      and(
        eq(surveyResponses.surveyId, input.surveyId),
        sql`(${surveyResponses.answers} ->> ${input.questionId}::text) is not null`,
        notHidden(input.questionId),
        sql`${answerId(input.questionId)} = ${input.answerId}`,
      ),
    )
    .returning({ id: surveyResponses.id });
  return rows.length > 0;
}
