import { Box, Text, useApp, useInput } from "ink";
import { useMemo, useRef, useState } from "react";
import type { Clock } from "../clock";
import { conflictMessages, type DashboardData, dayGrids, editionMoment } from "../model";
import type { Reauth } from "../reauth";
import { Dossiers } from "./components/Dossiers";
import { Footer } from "./components/Footer";
import { Header } from "./components/Header";
import { Help } from "./components/Help";
import { Overview } from "./components/Overview";
import { editPassword, PasswordPrompt } from "./components/PasswordPrompt";
import { Programme } from "./components/Programme";
import { Subdivisions } from "./components/Subdivisions";
import { Surveys } from "./components/Surveys";
import { useAuthState } from "./hooks/useAuthState";
import { type LiveSource, useLive, useLiveProgramme, useLiveSurveys } from "./hooks/useLive";
import { useNow } from "./hooks/useNow";
import { type Size, useTerminalSize } from "./hooks/useTerminalSize";
import { SCREENS, type ScreenId } from "./screens";
import { fit, wrapWords } from "./text";
import { theme } from "./theme";

export interface AppProps {
  data: DashboardData;
  clock: Clock;
  live?: LiveSource;
  /** Signs in again when the session expires (absent in a snapshot). */
  reauth?: Reauth;
  screen?: ScreenId;
  /** A fixed size (snapshots, tests); else the terminal's, following resizes. */
  size?: Size;
  /** Keys are read (false for a snapshot). */
  interactive?: boolean;
}

/** The smallest terminal the screens are drawn for. */
export const MIN_SIZE = { columns: 80, rows: 24 } as const;

/** What a terminal below 80×24 shows, in lines short enough for any size (q still quits). */
function TooSmall({ columns, rows }: Size) {
  const width = Math.max(10, columns - 1);
  return (
    <Box flexDirection="column" width={width}>
      {wrapWords(
        `Tribune : terminal trop petit (${MIN_SIZE.columns}×${MIN_SIZE.rows} minimum), ${columns}×${rows} ici. Agrandissez la fenêtre ; q pour quitter.`,
        width,
      )
        .slice(0, Math.max(1, rows - 1))
        .map((line) => (
          <Text key={line} color={theme.warn}>
            {line}
          </Text>
        ))}
    </Box>
  );
}

const FOOTER_KEYS: Record<ScreenId, string> = {
  apercu: "",
  programme: "←→ jour · Entrée détails · ",
  subdivisions: "s tri · ",
  enquetes: "←→ enquête · ",
  dossiers: "",
};

/**
 * The whole dashboard. The frame is always one line shorter than the terminal, so that Ink
 * redraws in place instead of clearing the screen (no flicker).
 */
export function App({
  data,
  clock,
  live,
  reauth,
  screen = "apercu",
  size,
  interactive = true,
}: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const now = useNow(clock);
  const liveState = useLive(data.counts, live, clock, data.edition.timeZone);
  const programme = useLiveProgramme(
    {
      rooms: data.rooms,
      sessions: data.sessions,
      speakers: data.speakers,
      conflicts: data.conflicts,
    },
    live,
  );
  const surveys = useLiveSurveys(data.surveys, live);
  const auth = useAuthState(reauth);
  const current = { ...data, ...programme, counts: liveState.counts, surveys };
  // A screen whose data the server does not give is left out, not faked.
  const screens = SCREENS.filter(
    (s) =>
      (s.id !== "subdivisions" || current.counts) &&
      (s.id !== "enquetes" || data.surveys) &&
      (s.id !== "dossiers" || data.dossiers),
  );
  const [active, setActive] = useState<ScreenId>(
    screens.some((s) => s.id === screen) ? screen : "apercu",
  );
  const [help, setHelp] = useState(false);
  const [filter, setFilter] = useState("");
  const [typing, setTyping] = useState(false);
  const [details, setDetails] = useState(false);
  const grids = useMemo(() => dayGrids({ ...data, ...programme }), [data, programme]);
  const collections = useMemo(
    () =>
      surveys?.collections ? new Map(surveys.collections.map((c) => [c.surveyId, c])) : undefined,
    [surveys],
  );
  const conflicts = useMemo(() => conflictMessages(programme.conflicts), [programme.conflicts]);

  const expired = auth.kind === "expired";
  const checking = auth.kind === "expired" && auth.checking;
  // The password typed so far: in a ref, since keys may come faster than renders.
  const password = useRef("");
  const [typed, setTyped] = useState(0);
  // The key handler reads the state through a ref: Ink may still hold the handler of an
  // earlier render when keys arrive in quick succession (effects not yet flushed).
  const state = useRef({ typing, help, filter, details, active, screens, expired, checking });
  state.current = { typing, help, filter, details, active, screens, expired, checking };

  useInput(
    (input, key) => {
      const { typing, help, filter, details, active, screens, expired, checking } = state.current;
      // While the password is asked, keys go to the password only.
      if (expired) {
        if (checking) return;
        const edited = editPassword(password.current, input, key);
        password.current = edited.value;
        setTyped(edited.value.length);
        if (edited.submit) void reauth?.submit(edited.submit);
        return;
      }
      if (typing) {
        if (key.return) setTyping(false);
        else if (key.escape) {
          setTyping(false);
          setFilter("");
        } else if (key.backspace || key.delete) setFilter((f) => f.slice(0, -1));
        else if (input && !key.ctrl && !key.meta) setFilter((f) => f + input);
        return;
      }
      if (help) {
        if (key.escape || input === "?" || input === "q") setHelp(false);
        return;
      }
      if (input === "q") return exit();
      if (input === "?") return setHelp(true);
      if (input === "/") {
        setTyping(true);
        return;
      }
      if (key.escape && !details && filter) return setFilter("");
      const at = screens.findIndex((s) => s.id === active);
      const go = (i: number) => {
        const next = screens[(i + screens.length) % screens.length];
        if (next) {
          setActive(next.id);
          setDetails(false);
        }
      };
      if (key.tab) return go(key.shift ? at - 1 : at + 1);
      const n = Number(input);
      if (Number.isInteger(n) && n >= 1 && n <= SCREENS.length) {
        const target = SCREENS[n - 1];
        const i = screens.findIndex((s) => s.id === target?.id);
        if (i >= 0) go(i);
      }
    },
    { isActive: interactive },
  );

  // Below 80×24 the screens would wrap and cut their lines: say so instead of a broken frame.
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows)
    return <TooSmall columns={columns} rows={rows} />;

  // One column spare: a line as wide as the terminal wraps in some terminals and shifts
  // every later redraw by a line.
  const width = Math.max(20, columns - 1);
  // header (2) + footer (1) + one spare line so that the frame never fills the terminal.
  const bodyHeight = Math.max(3, rows - 4);
  const screenKeys = active === "programme" && details ? "Échap retour · " : FOOTER_KEYS[active];
  const bodyActive = interactive && !typing && !help;
  return (
    <Box flexDirection="column" width={width}>
      <Header
        title={`Tribune · ${data.edition.number}e congrès`}
        moment={editionMoment(data.edition, now)}
        status={{ online: liveState.online, since: liveState.since, session: auth.kind }}
        screens={screens}
        current={active}
        width={width}
      />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {auth.kind === "expired" && reauth ? (
          <PasswordPrompt
            email={auth.email}
            typed={typed}
            error={auth.error}
            checking={auth.checking}
            width={width}
          />
        ) : help ? (
          <Help />
        ) : active === "programme" ? (
          <Programme
            grids={grids}
            sessions={programme.sessions}
            rooms={programme.rooms}
            speakers={programme.speakers}
            conflicts={conflicts}
            timeZone={data.edition.timeZone}
            width={width}
            height={bodyHeight}
            filter={filter}
            active={bodyActive}
            onDetailsChange={setDetails}
          />
        ) : active === "enquetes" && surveys ? (
          <Surveys
            surveys={surveys.list}
            figures={surveys.figures}
            cited={data.cited ?? []}
            collections={collections}
            width={width}
            height={bodyHeight}
            filter={filter}
            active={bodyActive}
          />
        ) : active === "dossiers" && data.dossiers ? (
          <Dossiers
            dossiers={data.dossiers.list}
            width={width}
            height={bodyHeight}
            filter={filter}
            active={bodyActive}
          />
        ) : active === "subdivisions" && current.counts ? (
          <Subdivisions
            counts={current.counts}
            width={width}
            height={bodyHeight}
            filter={filter}
            active={bodyActive}
          />
        ) : (
          <Overview data={current} now={now} width={width} height={bodyHeight} filter={filter} />
        )}
      </Box>
      {expired ? (
        <Text color={theme.muted}>
          {fit("Mot de passe : Entrée valider · Échap effacer · Ctrl+C quitter", width)}
        </Text>
      ) : typing || !filter ? (
        <Footer
          screens={screens.length}
          extra={screenKeys}
          filter={typing ? filter : null}
          width={width}
        />
      ) : (
        <Text>
          {`Filtre « ${filter} » (Échap pour effacer) · ? aide · q quitter`.slice(0, width)}
        </Text>
      )}
    </Box>
  );
}
