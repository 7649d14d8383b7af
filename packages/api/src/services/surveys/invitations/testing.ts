/** What the invitation tests share: an open survey on invitation and a mailer that records. */

import type { Executor } from "@tribune/db";
import { insertSurvey, setSurveyStatus } from "@tribune/db/repos/surveys";
import { SurveyInput } from "@tribune/domain/surveys";
import type { InvitationDelivery, InvitationMailer, InvitationMessage } from "./port";

let surveyCount = 0;

/** A survey on invitation, open, so that a campaign may start. */
export async function openTestSurvey(db: Executor) {
  surveyCount += 1;
  const survey = await insertSurvey(
    db,
    SurveyInput.parse({
      slug: `invitations-${surveyCount}-${Date.now()}`,
      title: "Conditions de travail des internes",
      year: 2026,
      partners: [],
      audience: "Internes",
      opensOn: null,
      closesOn: null,
      disclosureThreshold: 5,
      questions: [{ id: "rang", type: "number", label: "Rang", unit: "", min: 0, max: 1000 }],
    }),
  );
  await setSurveyStatus(db, survey.id, "open");
  return survey;
}

/**
 * An SMTP server stand-in: accepts every message and keeps its recipient; `before` runs ahead
 * of each delivery (a test's hook to act while a batch is in flight).
 */
export function recordingMailer(before?: (message: InvitationMessage) => Promise<void> | void) {
  const received: string[] = [];
  const mailer: InvitationMailer = {
    async send(message): Promise<InvitationDelivery> {
      await before?.(message);
      received.push(message.to);
      return "sent";
    },
  };
  return { mailer, received };
}
