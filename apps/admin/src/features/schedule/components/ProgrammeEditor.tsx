import { useQuery } from "@tanstack/react-query";
import { PROGRAMME_EDITORS } from "@tribune/domain/auth";
import {
  archivedMessage,
  type Edition,
  isReadOnly,
  SESSION_KINDS,
  type Session,
  type SessionMove,
} from "@tribune/domain/congress";
import { capitalise, formatCongressDay } from "@tribune/domain/format";
import { daysBetween, localDay } from "@tribune/domain/kernel";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { EmptyState } from "../../../ui/EmptyState";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { useConflicts } from "../hooks/useConflicts";
import { useMoveSession } from "../hooks/useSessionMutations";
import { layoutDay, sessionsOfDay } from "../layout";
import { applyMove, describePlace } from "../moves";
import { type Notice, savedNotice, UNDO_MS } from "../notices";
import { emptyValues, type SessionFormValues, valuesOf } from "../sessionForm";
import { ConflictList } from "./ConflictList";
import { DayTabs } from "./DayTabs";
import { KeyboardHelp } from "./KeyboardHelp";
import { KindLegend } from "./KindLegend";
import { ProgrammeGrid, type SlotRequest } from "./ProgrammeGrid";
import { type SaveOutcome, SessionForm } from "./SessionForm";
import { SidePanel } from "./SidePanel";
import "./programme.css";

type Panel = { session: Session | null; initial: SessionFormValues } | null;

/** The programme grid of one edition: day tabs, grid, conflicts, legend and the session form. */
export function ProgrammeEditor({ edition }: { edition: Edition }) {
  const trpc = useTRPC();
  const me = useMe();
  const mayEdit = hasRole(me.data?.role, PROGRAMME_EDITORS);
  // An archived edition's programme reads, never changes.
  const editable = mayEdit && !isReadOnly(edition);
  const editionId = edition.id;
  const tz = edition.timeZone;
  const rooms = useQuery(trpc.room.list.queryOptions({ editionId }));
  const sessions = useQuery(trpc.session.list.queryOptions({ editionId }));
  const speakers = useQuery(trpc.speaker.list.queryOptions());
  const partners = useQuery(trpc.partner.list.queryOptions());

  const days = useMemo(() => daysBetween(edition.firstDay, edition.lastDay), [edition]);
  const [params, setParams] = useSearchParams();
  const requested = params.get("jour");
  const day = requested && days.includes(requested) ? requested : (days[0] as string);
  const selectDay = useCallback(
    (next: string) =>
      setParams(
        (current) => {
          // The other parameters (the edition chosen in the header) stay.
          const updated = new URLSearchParams(current);
          updated.set("jour", next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );

  const layout = useMemo(
    () => layoutDay(sessions.data ?? [], rooms.data ?? [], day, tz),
    [sessions.data, rooms.data, day, tz],
  );
  const {
    conflicts,
    counts: conflictCounts,
    loading: conflictsLoading,
  } = useConflicts({
    edition,
    rooms: rooms.data,
    sessions: sessions.data,
    speakers: speakers.data,
    sessionsUpdatedAt: sessions.dataUpdatedAt,
  });
  const sessionsById = useMemo(
    () => new Map((sessions.data ?? []).map((s) => [s.id, s])),
    [sessions.data],
  );
  const ofDay = useMemo(
    () => sessionsOfDay(sessions.data ?? [], day, tz),
    [sessions.data, day, tz],
  );
  const kinds = SESSION_KINDS.filter((k) => ofDay.some((s) => s.kind === k));
  const drafts = ofDay.filter((s) => !s.published).length;

  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ sessionId: string; nonce: number } | null>(
    null,
  );

  // The session as it was before the latest drag, to put it back from the toast; and whether
  // the move being saved is such an undo (which is not offered for undoing in turn).
  const beforeMove = useRef<Session | null>(null);
  const undoing = useRef(false);
  const move = useMoveSession(editionId, {
    onSaved: (conflicts) => {
      const before = beforeMove.current;
      if (undoing.current || !before) {
        undoing.current = false;
        setNotice(
          conflicts.length
            ? savedNotice(conflicts, "Déplacement annulé")
            : { tone: "ok", text: "Déplacement annulé." },
        );
        return;
      }
      const saved = conflicts.length
        ? savedNotice(conflicts, `« ${before.title} » déplacée`)
        : { tone: "ok" as const, text: `« ${before.title} » déplacée.` };
      setNotice({
        ...saved,
        undo: () => {
          beforeMove.current = null;
          undoing.current = true;
          setAnnouncement(describePlace(before, rooms.data ?? [], tz));
          mutateMove({
            id: before.id,
            startsAt: before.startsAt,
            endsAt: before.endsAt,
            roomIds: before.roomIds,
          });
        },
      });
    },
    onRefused: (error, session) => {
      const what = session
        ? `« ${session.title} » revient à sa place`
        : "la session revient à sa place";
      const text = `Déplacement annulé, ${what} : ${errorMessage(error)}`;
      setNotice({ tone: "error", text });
      setAnnouncement(text);
    },
  });
  const { mutate: mutateMove } = move;
  const onMove = useCallback(
    (session: Session, next: SessionMove) => {
      setAnnouncement(describePlace(applyMove(session, next), rooms.data ?? [], tz));
      beforeMove.current = session;
      undoing.current = false;
      mutateMove(next);
    },
    [mutateMove, rooms.data, tz],
  );
  const onOpen = useCallback(
    (session: Session) => setPanel({ session, initial: valuesOf(session, tz) }),
    [tz],
  );
  const onCreateAt = useCallback(
    (slot: SlotRequest) =>
      setPanel({ session: null, initial: { ...emptyValues(editionId, slot.day), ...slot } }),
    [editionId],
  );
  const onSelectConflict = (sessionId: string) => {
    const session = sessionsById.get(sessionId);
    if (!session) return;
    selectDay(localDay(session.startsAt, tz));
    setFocusRequest({ sessionId, nonce: Date.now() });
  };
  const onDone = (outcome: SaveOutcome) => {
    setPanel(null);
    if (outcome.kind === "deleted") {
      setNotice({ tone: "ok", text: `Session « ${outcome.title} » supprimée.` });
      return;
    }
    setNotice(savedNotice(outcome.conflicts, outcome.created ? "Session créée" : "Enregistré"));
    const savedDay = localDay(outcome.session.startsAt, tz);
    if (savedDay !== day && days.includes(savedDay)) selectDay(savedDay);
  };

  // « Annuler » lasts a few seconds; the message stays until closed.
  const undoable = notice?.undo;
  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(
      () =>
        setNotice((current) =>
          current?.undo === undoable ? { ...current, undo: undefined } : current,
        ),
      UNDO_MS,
    );
    return () => clearTimeout(timer);
  }, [undoable]);

  const loadError = rooms.error ?? sessions.error;
  const panelTitle = !panel
    ? ""
    : !editable
      ? "Détails de la session"
      : panel.session
        ? "Modifier la session"
        : "Nouvelle session";

  return (
    <div className="programme">
      <header className="programme__header">
        <div>
          <h1 id="programme-title" tabIndex={-1}>
            Programme
          </h1>
          <p className="muted programme__edition">
            {edition.number}e congrès · {edition.city} · {edition.venue}
          </p>
        </div>
        {editable ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => onCreateAt({ day, start: "09:00", end: "10:00", roomIds: [] })}
          >
            Nouvelle session
          </button>
        ) : mayEdit ? (
          <p className="notice notice--warning programme__readonly">
            Lecture seule : {archivedMessage(edition)}
          </p>
        ) : (
          <p className="notice notice--warning programme__readonly">
            Lecture seule : votre rôle permet de consulter le programme, pas de le modifier.
          </p>
        )}
      </header>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {notice && (
        <div
          className={`notice notice--${notice.tone} programme__notice`}
          role={notice.tone === "error" ? "alert" : "status"}
        >
          <span>{notice.text}</span>
          {notice.undo && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                notice.undo?.();
                setNotice(null);
              }}
            >
              Annuler<span className="visually-hidden"> le déplacement</span>
            </button>
          )}
          <button type="button" className="button" onClick={() => setNotice(null)}>
            Fermer<span className="visually-hidden"> le message</span>
          </button>
        </div>
      )}
      {loadError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(loadError)}
        </p>
      )}

      <DayTabs days={days} selected={day} onSelect={selectDay} panelId="programme-day" />
      <div className="programme__layout">
        <div
          id="programme-day"
          role="tabpanel"
          aria-labelledby={`tab-${day}`}
          className="programme__day"
        >
          <p className="muted programme__count">
            {capitalise(formatCongressDay(day))} :{" "}
            {sessions.isPending ? (
              "chargement des sessions…"
            ) : (
              <>
                {ofDay.length} session
                {ofDay.length > 1 ? "s" : ""}
                {drafts > 0 && `, dont ${drafts} brouillon${drafts > 1 ? "s" : ""}`}
              </>
            )}
          </p>
          {!sessions.isPending && ofDay.length === 0 && (
            <EmptyState>
              Aucune session ce jour-là.
              {editable
                ? " Ajoutez-en une avec « Nouvelle session » ci-dessus, ou en cliquant sur un créneau de la grille."
                : " Le programme de ce jour n'est pas encore prévu."}
            </EmptyState>
          )}
          {sessions.isPending || rooms.isPending ? (
            <p className="muted">Chargement du programme…</p>
          ) : (
            <ProgrammeGrid
              layout={layout}
              editable={editable}
              conflictCounts={conflictCounts}
              onOpen={onOpen}
              onMove={onMove}
              onCreateAt={onCreateAt}
              focusRequest={focusRequest}
            />
          )}
        </div>
        <aside className="programme__aside" aria-label="Conflits et légende">
          <ConflictList
            loading={conflictsLoading}
            conflicts={conflicts}
            sessionsById={sessionsById}
            onSelect={onSelectConflict}
          />
          <KindLegend kinds={kinds} />
          {editable && <KeyboardHelp />}
        </aside>
      </div>

      {panel && (
        <SidePanel title={panelTitle} onClose={() => setPanel(null)}>
          <SessionForm
            edition={edition}
            rooms={rooms.data ?? []}
            speakers={speakers.data ?? []}
            partners={partners.data ?? []}
            session={panel.session}
            initial={panel.initial}
            readOnly={!editable}
            onDone={onDone}
            onCancel={() => setPanel(null)}
          />
        </SidePanel>
      )}
    </div>
  );
}
