import type { AppRouter } from "@tribune/api/types";
import {
  type CookieJar,
  cookieFetch,
  explainClientError,
  isUnreachable,
  trpcCodeOf,
} from "@tribune/cli-kit";
import type { Me } from "@tribune/domain/auth";
import { currentEdition, type Edition } from "@tribune/domain/congress";
import type { LiveCounts } from "@tribune/domain/union";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import type { DashboardData, ProgrammeData, SurveysData } from "./model";
import type { Reauth } from "./reauth";

/** A failure the user can act on, as a French sentence; printed instead of a stack trace. */
export class DashboardError extends Error {}

/** Roles the dashboard is for. */
export const DASHBOARD_ROLES = ["bureau", "admin"] as const;

/** The tRPC client: queries over HTTP, the live counts over SSE, one cookie jar for both. */
export function createDashboardClient(server: string, jar: CookieJar) {
  const url = `${server.replace(/\/+$/, "")}/trpc`;
  const fetchWithCookies = cookieFetch(jar);
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: { fetch: fetchWithCookies },
        }),
        false: httpLink({ url, fetch: fetchWithCookies }),
      }),
    ],
  });
}

export type DashboardClient = ReturnType<typeof createDashboardClient>;

/** The server no longer knows the session (expired, or closed from elsewhere). */
export const isUnauthorized = (error: unknown) => trpcCodeOf(error) === "UNAUTHORIZED";

/** Turns any failure into a sentence (cli-kit's explainer, in the dashboard's words). */
export function explain(error: unknown, server: string, signingInAs?: string): DashboardError {
  if (error instanceof DashboardError) return error;
  return new DashboardError(
    explainClientError(error, {
      server,
      signingInAs,
      allowedRoles: "Bureau National ou Administration",
      signInAgain: "relancez pnpm dashboard pour vous reconnecter",
    }),
  );
}

function checkRole(me: Me) {
  if (!(DASHBOARD_ROLES as readonly string[]).includes(me.role))
    throw new DashboardError(
      `Le compte ${me.email} n'a pas le rôle requis : le tableau de bord est réservé au Bureau National et aux administrateurs.`,
    );
}

export interface Credentials {
  email: string;
  password: string;
}

/** Logs in with a password; a wrong password or a missing role is a French sentence. */
export async function logIn(
  client: DashboardClient,
  server: string,
  { email, password }: Credentials,
): Promise<Me> {
  let me: Me;
  try {
    me = await client.auth.login.mutate({ email, password });
  } catch (error) {
    throw explain(error, server, email);
  }
  checkRole(me);
  return me;
}

/**
 * Signs in: reuses the stored session when the server still knows it, else asks for
 * credentials and logs in. Returns who is signed in.
 */
export async function signIn(
  client: DashboardClient,
  server: string,
  credentials: () => Promise<Credentials>,
  hadSession: boolean,
): Promise<{ me: Me; reused: boolean }> {
  if (hadSession) {
    try {
      const me = await client.auth.me.query();
      if (me) {
        checkRole(me);
        return { me, reused: true };
      }
    } catch (error) {
      if (error instanceof DashboardError) throw error;
      if (isUnreachable(error)) throw explain(error, server);
    }
  }
  return { me: await logIn(client, server, await credentials()), reused: false };
}

/**
 * Which edition the dashboard follows: the one `--edition` names; else, with `--at`, the one
 * the domain's rule picks at that pretended instant; else the server's current edition (the
 * same rule, at the server's time: the running one, else the next to come, else the last over).
 */
export type EditionChoice = { year: number } | { at: Date } | "current";

/** The edition `choice` names, or a French refusal when there is none. */
export async function chooseEdition(
  client: DashboardClient,
  server: string,
  choice: EditionChoice,
): Promise<Edition> {
  if (typeof choice === "object" && "year" in choice) {
    try {
      return await client.edition.byYear.query({ year: choice.year });
    } catch (error) {
      if (trpcCodeOf(error) === "NOT_FOUND")
        throw new DashboardError(`Aucune édition ${choice.year} sur ${server}.`);
      throw error;
    }
  }
  const edition =
    choice === "current"
      ? await client.edition.current.query()
      : currentEdition(await client.edition.list.query(), choice.at);
  if (!edition)
    throw new DashboardError("Aucune édition du congrès n'existe encore sur ce serveur.");
  return edition;
}

/** The programme of an edition: rooms, sessions, speakers and conflicts, in parallel. */
export async function loadProgramme(
  client: DashboardClient,
  editionId: string,
): Promise<ProgrammeData> {
  const [rooms, sessions, speakers, conflicts] = await Promise.all([
    client.room.list.query({ editionId }),
    client.session.list.query({ editionId }),
    client.speaker.list.query(),
    client.schedule.conflicts.query({ editionId }),
  ]);
  return { rooms, sessions, speakers, conflicts };
}

/** Surveys with their response counts, key figures, and each survey's collection. */
export async function loadSurveys(client: DashboardClient): Promise<SurveysData> {
  const [list, figures] = await Promise.all([
    client.survey.list.query(),
    client.survey.keyFigures.query(),
  ]);
  // A few surveys a year: one call each. One refused or failing leaves its table out.
  const collections = await Promise.all(
    list.map((s) => client.survey.collection.query({ id: s.id }).catch(() => null)),
  );
  return { list, figures, collections: collections.filter((c) => c !== null) };
}

/** Loads every screen's data in parallel, for the edition `choice` names. */
export async function loadData(
  client: DashboardClient,
  server: string,
  me: Me,
  choice: EditionChoice = "current",
): Promise<DashboardData> {
  try {
    const edition = await chooseEdition(client, server, choice);
    // Optional: a server without the survey tables (or an error there) only hides the screen.
    const surveys = loadSurveys(client).catch(() => null);
    // Optional too: dossiers with their timeline (one call for all), and motions.
    const dossiers = Promise.all([
      client.dossier.overview.query({}),
      client.motion.list.query(),
    ]).then(
      ([list, motions]) => ({ list, motions }),
      () => null,
    );
    // Optional too: the figures the edition quotes from others, shown beside the survey ones.
    const cited = client.pressKit.manualFigures.query({ year: edition.year }).catch(() => null);
    const [programme, counts] = await Promise.all([
      loadProgramme(client, edition.id),
      client.registration.counts.query({ editionId: edition.id }),
    ]);
    return {
      me,
      edition,
      ...programme,
      counts,
      surveys: await surveys,
      cited: await cited,
      dossiers: await dossiers,
    };
  } catch (error) {
    throw explain(error, server);
  }
}

export interface LiveHandlers {
  onCounts: (counts: LiveCounts) => void;
  /** The stream broke (server gone): the dashboard shows "hors ligne depuis …". */
  onOffline: () => void;
}

type Subscribe = (onError: (error: unknown) => void) => { unsubscribe: () => void };

/**
 * Keeps a subscription going: the link reconnects by itself after a network failure; when the
 * server refuses the session (expired, or closed from elsewhere), this signs in again and
 * subscribes anew. Other errors go to `onError`. Returns the unsubscribe.
 */
function keepSubscribed(
  subscribe: Subscribe,
  reauth: Reauth | undefined,
  onError: (error: unknown) => void,
): () => void {
  let current: { unsubscribe: () => void } | null = null;
  let stopped = false;
  const start = () => {
    current = subscribe((error) => {
      if (stopped) return;
      if (reauth && isUnauthorized(error))
        reauth.renew().then(() => {
          if (!stopped) start();
        }, onError);
      else onError(error);
    });
  };
  start();
  return () => {
    stopped = true;
    current?.unsubscribe();
  };
}

/** Follows the live counts (SSE). Returns the unsubscribe. */
export function followCounts(
  client: DashboardClient,
  editionId: string,
  handlers: LiveHandlers,
  reauth?: Reauth,
): () => void {
  return keepSubscribed(
    (onError) =>
      client.registration.live.subscribe(
        { editionId },
        {
          onData: (counts) => handlers.onCounts(counts),
          onConnectionStateChange: (state) => {
            if (state.state === "connecting" && state.error) handlers.onOffline();
          },
          onError,
        },
      ),
    reauth,
    () => handlers.onOffline(),
  );
}

/**
 * Follows the programme (SSE): reloads it when the server says it changed, and after a
 * reconnection (it may have changed meanwhile), and hands it to `onProgramme`. An expired
 * session is renewed by `reauth` before reloading. Returns the unsubscribe.
 */
export function followProgramme(
  client: DashboardClient,
  editionId: string,
  onProgramme: (programme: ProgrammeData) => void,
  reauth?: Reauth,
): () => void {
  let connections = 0;
  let latest = 0;
  const reload = () => {
    const request = ++latest;
    const load = () => loadProgramme(client, editionId);
    (reauth ? reauth.guard(load) : load()).then(
      (programme) => {
        // Only the newest answer counts: two quick changes may answer out of order.
        if (request === latest) onProgramme(programme);
      },
      // Server gone: the counts' stream says so, and the next event reloads.
      () => {},
    );
  };
  return keepSubscribed(
    (onError) =>
      client.schedule.live.subscribe(
        { editionId },
        {
          onData: ({ reason }) => {
            if (reason === "changed" || connections++ > 0) reload();
          },
          onError,
        },
      ),
    reauth,
    () => {},
  );
}

/**
 * Follows the given surveys (SSE, one stream each): when responses of one come in, and after a
 * reconnection, reloads the surveys — counts, key figures and collections all move with an
 * answer — and hands them to `onSurveys`. Returns the unsubscribe.
 */
export function followSurveys(
  client: DashboardClient,
  surveyIds: readonly string[],
  onSurveys: (surveys: SurveysData) => void,
  reauth?: Reauth,
): () => void {
  let latest = 0;
  const reload = () => {
    const request = ++latest;
    const load = () => loadSurveys(client);
    (reauth ? reauth.guard(load) : load()).then(
      (surveys) => {
        if (request === latest) onSurveys(surveys);
      },
      // Server gone: the counts' stream says so, and the next event reloads.
      () => {},
    );
  };
  const stops = surveyIds.map((id) => {
    let connections = 0;
    return keepSubscribed(
      (onError) =>
        client.survey.live.subscribe(
          { id },
          {
            onData: ({ reason }) => {
              if (reason === "changed" || connections++ > 0) reload();
            },
            onError,
          },
        ),
      reauth,
      () => {},
    );
  });
  return () => {
    for (const stop of stops) stop();
  };
}

/** The live side of the dashboard: counts, programme and surveys, the session renewed as needed. */
export function liveSource(client: DashboardClient, editionId: string, reauth?: Reauth) {
  return {
    followSurveys: (surveyIds: readonly string[], onSurveys: (surveys: SurveysData) => void) =>
      followSurveys(client, surveyIds, onSurveys, reauth),
    subscribe: (handlers: LiveHandlers) => followCounts(client, editionId, handlers, reauth),
    followProgramme: (onProgramme: (programme: ProgrammeData) => void) =>
      followProgramme(client, editionId, onProgramme, reauth),
  };
}
