import { stripVTControlCharacters } from "node:util";
import { ask, askHidden } from "@tribune/cli-kit";
import { Command, InvalidArgumentError } from "commander";
import { ZodError } from "zod";
import {
  createDashboardClient,
  DashboardError,
  liveSource,
  loadData,
  logIn,
  signIn,
} from "./client";
import { type Clock, clockAt, systemClock } from "./clock";
import { readEnv, sessionFile } from "./env";
import { createReauth } from "./reauth";
import { forgetSession, jarToRecord, loadSession, saveSession } from "./session-store";
import type { LiveSource } from "./ui/hooks/useLive";
import { isScreen, SCREENS } from "./ui/screens";

const DEFAULT_SERVER = "http://localhost:3000";

interface Options {
  server: string;
  edition?: number;
  snapshot?: boolean;
  screen: string;
  at?: string;
  width?: string;
  height?: string;
}

const editionYear = (value: string) => {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError("une année sur quatre chiffres est attendue (ex. 2027).");
  return Number(value);
};

const program = new Command("tribune-dashboard")
  .description("Tableau de bord du Bureau National : le congrès et le syndicat en un coup d'œil")
  .option("-s, --server <url>", "adresse du serveur Tribune", DEFAULT_SERVER)
  .option(
    "-e, --edition <année>",
    "édition à suivre (ex. 2027 ; défaut : l'édition en cours, sinon la prochaine)",
    editionYear,
  )
  .option("--snapshot", "affiche un seul écran en texte brut puis quitte")
  .option("--screen <nom>", `écran à afficher (${SCREENS.map((s) => s.id).join(", ")})`, "apercu")
  .option("--at <date>", "fait comme s'il était cette heure de Paris (ex. 2026-01-22T10:42)")
  .option("--width <colonnes>", "largeur du --snapshot (défaut 80)")
  .option("--height <lignes>", "hauteur du --snapshot (défaut 24)")
  .showHelpAfterError();

/**
 * Ink, React and the screens, loaded apart (a chunk of their own in the bundle) while the server
 * answers the sign-in and the data: the first frame waits for the slower of the two, not both.
 */
async function loadUi() {
  const [{ render, renderToString }, { App }] = await Promise.all([
    import("ink"),
    import("./ui/App"),
  ]);
  return { render, renderToString, App };
}

async function main(opts: Options) {
  const started = performance.now();
  const ui = loadUi();
  // Awaited below; a failure before then is the one reported, not this one.
  ui.catch(() => undefined);
  if (!isScreen(opts.screen))
    throw new DashboardError(
      `Écran inconnu : ${opts.screen}. Écrans possibles : ${SCREENS.map((s) => s.id).join(", ")}.`,
    );
  const env = readEnv();
  const clock: Clock = opts.at ? clockAt(opts.at) : systemClock;
  const file = sessionFile(env);
  const jar = await loadSession(file, opts.server);
  const client = createDashboardClient(opts.server, jar);
  const { me } = await signIn(
    client,
    opts.server,
    async () => ({
      email: env.TRIBUNE_EMAIL ?? (await ask("Adresse e-mail (compte Bureau National) : ")),
      password: env.TRIBUNE_PASSWORD ?? (await askHidden("Mot de passe : ")),
    }),
    jar.size > 0,
  );
  if (jar.size > 0)
    await saveSession(file, { server: opts.server, email: me.email, cookies: jarToRecord(jar) });
  else await forgetSession(file);
  const data = await loadData(
    client,
    opts.server,
    me,
    opts.edition !== undefined ? { year: opts.edition } : opts.at ? { at: clock() } : "current",
  );

  const { render, renderToString, App } = await ui;
  if (opts.snapshot) {
    const columns = Number(opts.width ?? 80);
    const rows = Number(opts.height ?? 24);
    const frame = renderToString(
      <App
        data={data}
        clock={clock}
        screen={opts.screen}
        size={{ columns, rows }}
        interactive={false}
      />,
      { columns },
    );
    // Plain text for scripts and e-mails, even when stdout is a colour terminal.
    process.stdout.write(`${stripVTControlCharacters(frame)}\n`);
    return;
  }

  // An expired session: logs in again with the environment's password, else asks on screen.
  const reauth = createReauth({
    email: me.email,
    password:
      env.TRIBUNE_EMAIL?.toLowerCase() === me.email.toLowerCase()
        ? env.TRIBUNE_PASSWORD
        : undefined,
    logIn: async (email, password) => {
      await logIn(client, opts.server, { email, password });
      await saveSession(file, { server: opts.server, email, cookies: jarToRecord(jar) });
    },
  });
  const followed = liveSource(client, data.edition.id, reauth);
  // The bench times a session move to the frame that shows it: say when the programme came.
  const live: LiveSource = env.TRIBUNE_DASHBOARD_BENCH
    ? {
        ...followed,
        followProgramme: (onProgramme) =>
          followed.followProgramme((programme) => {
            process.stderr.write("programme\n");
            onProgramme(programme);
          }),
      }
    : followed;
  const instance = render(
    <App
      data={data}
      clock={clock}
      live={live}
      reauth={reauth}
      screen={opts.screen}
      // Keys need a terminal (raw mode); piped into a script, it just shows the screen.
      interactive={process.stdin.isTTY === true}
    />,
    {
      maxFps: 10,
      incrementalRendering: false,
      onRender: env.TRIBUNE_DASHBOARD_BENCH
        ? () => process.stderr.write(`first-frame ${(performance.now() - started).toFixed(0)}\n`)
        : undefined,
    },
  );
  await instance.waitUntilExit();
  process.exit(0);
}

program.action(async (opts: Options) => main(opts));
program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof DashboardError
      ? error.message
      : error instanceof ZodError
        ? error.issues.map((i) => i.message).join("\n")
        : error instanceof Error
          ? error.message
          : String(error);
  console.error(`Erreur : ${message}`);
  process.exitCode = 1;
});
