import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/**
 * The invitation campaigns this process is sending. A campaign's tokens exist in plain text only
 * in its job's memory: when the job ends, unsent ones are gone for good (re-sending the list
 * issues fresh ones). Every instance has its own name, which it writes on the campaigns it
 * claims.
 */

export const INSTANCE_NAME = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface RunningJob {
  campaignId: string;
  surveyId: string;
  /** Asks the job to stop after the message in flight: "paused" by the bureau, "interrupted" by a shutdown. */
  stop(reason: "paused" | "interrupted"): void;
  /** Settles once the job stopped and recorded what it did. */
  done: Promise<unknown>;
}

const jobs = new Map<string, RunningJob>();

export const registerJob = (job: RunningJob) => {
  jobs.set(job.campaignId, job);
  void job.done.finally(() => jobs.delete(job.campaignId));
};

export const jobOfSurvey = (surveyId: string): RunningJob | undefined =>
  [...jobs.values()].find((j) => j.surveyId === surveyId);

/**
 * Stops every campaign this process sends (a server shutting down): each records its last batch
 * and ends "interrupted"; sending the list again resumes where it stopped.
 */
export async function stopInvitationJobs(): Promise<void> {
  const running = [...jobs.values()];
  for (const job of running) job.stop("interrupted");
  await Promise.allSettled(running.map((j) => j.done));
}
