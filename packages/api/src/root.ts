import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { editionRouter } from "./routers/edition";
import { partnerRouter } from "./routers/partner";
import { roomRouter } from "./routers/room";
import { scheduleRouter } from "./routers/schedule";
import { sessionRouter } from "./routers/session";
import { speakerRouter } from "./routers/speaker";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  edition: editionRouter,
  partner: partnerRouter,
  room: roomRouter,
  schedule: scheduleRouter,
  session: sessionRouter,
  speaker: speakerRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
