import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { attendeeRouter } from "./routers/attendee";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { checkInRouter } from "./routers/checkIn";
import { dossierRouter } from "./routers/dossier";
import { editionRouter } from "./routers/edition";
import { mailRouter } from "./routers/mail";
import { memberRouter } from "./routers/member";
import { motionRouter } from "./routers/motion";
import { partnerRouter } from "./routers/partner";
import { pressKitRouter } from "./routers/press-kit";
import { registrationRouter } from "./routers/registration";
import { roomRouter } from "./routers/room";
import { scheduleRouter } from "./routers/schedule";
import { sessionRouter } from "./routers/session";
import { signupRouter } from "./routers/signup";
import { speakerRouter } from "./routers/speaker";
import { subdivisionRouter } from "./routers/subdivision";
import { surveyRouter } from "./routers/survey";
import { surveyBuilderProcedures } from "./routers/survey-builder";
import { surveyInvitationRouter } from "./routers/survey-invitation";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  attendee: attendeeRouter,
  audit: auditRouter,
  auth: authRouter,
  checkIn: checkInRouter,
  dossier: dossierRouter,
  edition: editionRouter,
  mail: mailRouter,
  member: memberRouter,
  motion: motionRouter,
  partner: partnerRouter,
  registration: registrationRouter,
  pressKit: pressKitRouter,
  room: roomRouter,
  schedule: scheduleRouter,
  session: sessionRouter,
  signup: signupRouter,
  speaker: speakerRouter,
  subdivision: subdivisionRouter,
  // The survey area in two files: the builder and key figures (survey managers), then the rest.
  survey: { ...surveyBuilderProcedures, ...surveyRouter, invitations: surveyInvitationRouter },
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
