import { formatTime } from "@tribune/domain/format";
import type { LiveCounts } from "@tribune/domain/union";
import { useEffect, useRef, useState } from "react";
import type { Clock } from "../../clock";
import type { ProgrammeData, SurveysData } from "../../model";

export interface LiveSource {
  /** Starts following the counts; returns the function that stops. */
  subscribe: (handlers: { onCounts: (c: LiveCounts) => void; onOffline: () => void }) => () => void;
  /** Starts following the programme (handed over anew after each change); returns the stop. */
  followProgramme?: (onProgramme: (programme: ProgrammeData) => void) => () => void;
  /** Starts following these surveys (handed over anew after responses came in); returns the stop. */
  followSurveys?: (
    surveyIds: readonly string[],
    onSurveys: (surveys: SurveysData) => void,
  ) => () => void;
}

export interface LiveState {
  counts: LiveCounts | null;
  online: boolean;
  /** Local time the connection was lost ("10:42"), while offline. */
  since: string | null;
}

/**
 * The live counts: the last data stays on screen while offline; updates are applied at most
 * every `throttleMs` (a morning rush sends many per second, the screen needs a few).
 */
export function useLive(
  initial: LiveCounts | null,
  source: LiveSource | undefined,
  clock: Clock,
  timeZone: string,
  throttleMs = 250,
): LiveState {
  const [state, setState] = useState<LiveState>({ counts: initial, online: true, since: null });
  const pending = useRef<LiveCounts | null>(null);
  const timer = useRef<NodeJS.Timeout | null>(null);
  useEffect(() => {
    if (!source) return;
    const flush = () => {
      timer.current = null;
      const counts = pending.current;
      pending.current = null;
      if (counts) setState({ counts, online: true, since: null });
    };
    const stop = source.subscribe({
      onCounts: (counts) => {
        pending.current = counts;
        timer.current ??= setTimeout(flush, throttleMs);
      },
      onOffline: () =>
        setState((s) =>
          s.online ? { ...s, online: false, since: formatTime(clock(), timeZone) } : s,
        ),
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [source, clock, timeZone, throttleMs]);
  return state;
}

/** The programme: as loaded at start, then as the server hands it over after each change. */
export function useLiveProgramme(initial: ProgrammeData, source: LiveSource | undefined) {
  const [programme, setProgramme] = useState(initial);
  useEffect(() => source?.followProgramme?.(setProgramme), [source]);
  return programme;
}

/** The surveys: as loaded at start (null: no survey screen), then reloaded as answers come in. */
export function useLiveSurveys(initial: SurveysData | null, source: LiveSource | undefined) {
  const [surveys, setSurveys] = useState(initial);
  // The surveys to follow are those loaded at start: a stable key, not the list object.
  const ids = initial?.list.map((s) => s.id).join(" ") ?? "";
  useEffect(() => {
    if (!ids) return;
    return source?.followSurveys?.(ids.split(" "), setSurveys);
  }, [source, ids]);
  return surveys;
}
