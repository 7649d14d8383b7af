import { DndContext, type DragEndEvent } from "@dnd-kit/core";
import type { Session, SessionMove } from "@tribune/domain/congress";
import { formatCongressDay } from "@tribune/domain/format";
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import {
  ANNOUNCEMENTS,
  type DragData,
  type GridMetrics,
  INSTRUCTIONS,
  snapModifier,
  useGridSensors,
} from "../drag";
import { type DayLayout, minuteLabel, PX_PER_MINUTE } from "../layout";
import { moveBy, resizeBy, snapMinutes } from "../moves";
import { type BlockActions, SessionBlock } from "./SessionBlock";

export interface SlotRequest {
  day: string;
  start: string;
  end: string;
  roomIds: string[];
}

interface Props {
  layout: DayLayout;
  editable: boolean;
  /** Conflict count per session id. */
  conflictCounts: Map<string, number>;
  onOpen(session: Session): void;
  onMove(session: Session, move: SessionMove): void;
  onCreateAt(slot: SlotRequest): void;
  /** Focus this session's block once it is drawn (the conflict list asks for it). */
  focusRequest: { sessionId: string; nonce: number } | null;
}

const SLOT_MINUTES = 15;
/** The keyboard's slot cursor moves by half-hours. */
const CURSOR_STEP = 30;

/**
 * The keyboard path to "create a session here": one focusable slot in the grid (after the
 * blocks' order would be lost in a sea of empty cells), moved with the arrows, Enter creates a
 * session in that room at that time — what a double-click does with the pointer.
 */
function SlotCursor({
  layout,
  count,
  onCreateAt,
}: {
  layout: DayLayout;
  count: number;
  onCreateAt(slot: SlotRequest): void;
}) {
  const first = Math.min(layout.startMinute + 60, layout.endMinute - CURSOR_STEP);
  const [cursor, setCursor] = useState({ column: 0, minute: first });
  const column = Math.min(cursor.column, count - 1);
  const minute = Math.max(
    layout.startMinute,
    Math.min(cursor.minute, layout.endMinute - CURSOR_STEP),
  );
  const room = layout.columns[column];
  const busy = layout.blocks.some(
    (b) =>
      b.startMinute < minute + CURSOR_STEP &&
      b.endMinute > minute &&
      column >= Math.floor(b.left) &&
      column < Math.ceil(b.left + b.width),
  );
  const where = `${room?.name ?? "Tout le lieu"}, ${formatCongressDay(layout.day)} à ${minuteLabel(minute)}`;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -CURSOR_STEP],
      ArrowDown: [0, CURSOR_STEP],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const step = moves[event.key];
    if (step) {
      event.preventDefault();
      setCursor({
        column: Math.max(0, Math.min(count - 1, column + step[0])),
        minute: Math.max(
          layout.startMinute,
          Math.min(layout.endMinute - CURSOR_STEP, minute + step[1]),
        ),
      });
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onCreateAt({
        day: layout.day,
        start: minuteLabel(minute),
        end: minuteLabel(Math.min(minute + 60, 23 * 60 + 55)),
        roomIds: room ? [room.id] : [],
      });
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a button would not take the arrow keys as its own
    <div
      role="button"
      tabIndex={0}
      className="grid__slot"
      aria-label={`Créer une session : ${where}${busy ? " (créneau déjà occupé)" : ""}. Flèches pour choisir le créneau, Entrée pour créer.`}
      aria-keyshortcuts="Enter ArrowUp ArrowDown ArrowLeft ArrowRight"
      onKeyDown={onKeyDown}
      style={{
        top: (minute - layout.startMinute) * PX_PER_MINUTE,
        height: CURSOR_STEP * PX_PER_MINUTE,
        left: `${(column / count) * 100}%`,
        width: `${100 / count}%`,
      }}
    >
      <span aria-hidden="true">+ {minuteLabel(minute)}</span>
    </div>
  );
}

function ProgrammeGridView(props: Props) {
  const { layout, editable, conflictCounts } = props;
  const columnsRef = useRef<HTMLDivElement>(null);
  const metrics = useRef<GridMetrics>({ columnWidth: 160 });
  const count = Math.max(layout.columns.length, 1);
  const sensors = useGridSensors(metrics);
  const modifiers = useMemo(() => [snapModifier(metrics)], []);

  // Blocks are memoised: hand them one stable actions object that reads the latest props.
  const latest = useRef(props);
  latest.current = props;
  const pendingFocus = useRef<string | null>(null);
  const actions = useMemo<BlockActions>(
    () => ({
      open: (session) => latest.current.onOpen(session),
      nudge: (session, step) => {
        const move = step.length
          ? resizeBy(session, step.length)
          : moveBy(
              session,
              { minutes: step.minutes ?? 0, columns: step.columns ?? 0 },
              latest.current.layout.columns,
            );
        if (!move) return;
        pendingFocus.current = session.id;
        latest.current.onMove(session, move);
      },
    }),
    [],
  );

  useLayoutEffect(() => {
    const node = columnsRef.current;
    if (!node) return;
    const measure = () => {
      metrics.current.columnWidth = node.clientWidth / count;
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [count]);

  // A moved block may be re-ordered in the DOM, which drops focus: put it back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each new layout
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    const node = columnsRef.current?.querySelector<HTMLElement>(`[data-session-id="${id}"]`);
    if (node && document.activeElement !== node) node.focus();
  }, [layout]);

  const handled = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retried on each layout until drawn
  useEffect(() => {
    const request = props.focusRequest;
    if (!request || request.nonce === handled.current) return;
    const node = columnsRef.current?.querySelector<HTMLElement>(
      `[data-session-id="${request.sessionId}"]`,
    );
    if (!node) return;
    handled.current = request.nonce;
    node.scrollIntoView?.({ block: "center", inline: "nearest" });
    node.focus({ preventScroll: true });
  }, [props.focusRequest, layout]);

  // While a block is dragged, the pointer must not select the text it passes over.
  const setDragging = (on: boolean) => document.body.classList.toggle("dragging-session", on);

  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    setDragging(false);
    const data = active.data.current as DragData | undefined;
    if (!data) return;
    const minutes = snapMinutes(delta.y);
    const move =
      data.type === "resize"
        ? resizeBy(data.session, minutes)
        : moveBy(
            data.session,
            { minutes, columns: Math.round(delta.x / (metrics.current.columnWidth || 1)) },
            layout.columns,
          );
    if (move) props.onMove(data.session, move);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!editable || (event.target as HTMLElement).closest(".block")) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const offset = (event.clientY - rect.top) / PX_PER_MINUTE;
    const start = layout.startMinute + Math.floor(offset / SLOT_MINUTES) * SLOT_MINUTES;
    const column = Math.floor(((event.clientX - rect.left) / rect.width) * count);
    const room = layout.columns[column];
    props.onCreateAt({
      day: layout.day,
      start: minuteLabel(start),
      end: minuteLabel(Math.min(start + 60, 23 * 60 + 55)),
      roomIds: room ? [room.id] : [],
    });
  };

  const lines = [];
  for (let m = layout.startMinute; m <= layout.endMinute; m += 30) {
    lines.push(m);
  }
  const roomNames = (s: Session) => {
    const names = s.roomIds.map((id) => layout.columns.find((r) => r.id === id)?.name ?? "");
    if (!s.wholeVenue) return names.join(", ");
    return names.length > 0 ? `Tout le lieu, en ${names.join(", ")}` : "Tout le lieu";
  };

  return (
    <section
      className="grid"
      aria-label={`Grille du ${formatCongressDay(layout.day)}`}
      style={{ "--columns": count } as CSSProperties}
    >
      <div className="grid__inner">
        <div className="grid__head" aria-hidden="true">
          <div className="grid__corner">Heure</div>
          {layout.columns.length === 0 && <div className="grid__room">Tout le lieu</div>}
          {layout.columns.map((room) => (
            <div key={room.id} className="grid__room">
              {room.name}
            </div>
          ))}
        </div>
        <div className="grid__body" style={{ height: layout.height }}>
          <div className="grid__gutter" aria-hidden="true">
            {lines
              .filter((m) => m % 60 === 0)
              .map((m) => (
                <span
                  key={m}
                  className="grid__hour"
                  style={{ top: (m - layout.startMinute) * PX_PER_MINUTE }}
                >
                  {minuteLabel(m)}
                </span>
              ))}
          </div>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click is a pointer shortcut; "Nouvelle session" is the keyboard path */}
          <div className="grid__columns" ref={columnsRef} onDoubleClick={onDoubleClick}>
            {lines.map((m) => (
              <div
                key={m}
                className={m % 60 === 0 ? "grid__line" : "grid__line grid__line--half"}
                style={{ top: (m - layout.startMinute) * PX_PER_MINUTE }}
              />
            ))}
            {editable && <SlotCursor layout={layout} count={count} onCreateAt={props.onCreateAt} />}
            {layout.columns.slice(1).map((room, i) => (
              <div
                key={room.id}
                className="grid__separator"
                style={{ left: `${((i + 1) / count) * 100}%` }}
              />
            ))}
            <DndContext
              sensors={sensors}
              modifiers={modifiers}
              onDragStart={() => setDragging(true)}
              onDragCancel={() => setDragging(false)}
              onDragEnd={onDragEnd}
              accessibility={{
                announcements: ANNOUNCEMENTS,
                screenReaderInstructions: INSTRUCTIONS,
              }}
            >
              {layout.blocks.map((block) => (
                <SessionBlock
                  key={block.key}
                  block={block}
                  columnCount={count}
                  editable={editable}
                  conflicts={conflictCounts.get(block.session.id) ?? 0}
                  roomNames={roomNames(block.session)}
                  actions={actions}
                />
              ))}
            </DndContext>
          </div>
        </div>
      </div>
    </section>
  );
}

/**
 * Redrawn only when its props change: the editor re-renders for its notices, the saving state
 * and the conflict list, none of which the grid draws (its callbacks are stable).
 */
export const ProgrammeGrid = memo(ProgrammeGridView);
