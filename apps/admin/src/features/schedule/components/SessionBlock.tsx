import { useDraggable } from "@dnd-kit/core";
import { SESSION_KIND_LABELS, type Session } from "@tribune/domain/congress";
import { type CSSProperties, type KeyboardEvent, memo } from "react";
import type { DragData } from "../drag";
import { type Block, minuteLabel, PX_PER_MINUTE, SNAP_MINUTES } from "../layout";
import { snapMinutes } from "../moves";
import { KIND_COLOURS } from "../palette";

/** Stable callbacks from the grid: one object, so blocks can be memoised. */
export interface BlockActions {
  open(session: Session): void;
  /** Alt+arrows: whole steps of time, room or length. */
  nudge(session: Session, step: { minutes?: number; columns?: number; length?: number }): void;
}

interface Props {
  block: Block;
  columnCount: number;
  editable: boolean;
  /** Number of conflicts the session is in (0: none). */
  conflicts: number;
  roomNames: string;
  actions: BlockActions;
}

const ALT_STEPS: Record<string, { minutes?: number; columns?: number }> = {
  ArrowUp: { minutes: -SNAP_MINUTES },
  ArrowDown: { minutes: SNAP_MINUTES },
  ArrowLeft: { columns: -1 },
  ArrowRight: { columns: 1 },
};

/** Line height of block text in pixels (0.82rem × 1.25 at a 16px root). */
const LINE_PX = 16.4;

const percent = (columns: number, count: number) => `${(columns / count) * 100}%`;

/**
 * The drag hooks. dnd-kit redraws every draggable when a drag starts or ends (its context
 * changes), but what they return only changes for the dragged block: the drawing, memoised on
 * it, is skipped for the 200 others (it made most of the long task after a drop on a full day).
 */
function SessionBlockView(props: Props) {
  const { block, editable } = props;
  const { session } = block;
  const move = useDraggable({
    id: block.key,
    data: { type: "move", session } satisfies DragData,
    disabled: !editable,
    attributes: { roleDescription: editable ? "session déplaçable" : "session" },
  });
  const resize = useDraggable({
    id: `resize:${block.key}`,
    data: { type: "resize", session } satisfies DragData,
    disabled: !editable,
  });
  return (
    <BlockDrawing
      {...props}
      attributes={move.attributes}
      listeners={move.listeners}
      transform={move.transform}
      dragging={move.isDragging || resize.isDragging}
      setNodeRef={move.setNodeRef}
      resizeListeners={resize.listeners}
      resizeTransform={resize.transform}
      setResizeNodeRef={resize.setNodeRef}
    />
  );
}

type Draggable = ReturnType<typeof useDraggable>;
interface DrawingProps
  extends Props,
    Pick<Draggable, "attributes" | "listeners" | "transform" | "setNodeRef"> {
  /** The block is being moved or resized. */
  dragging: boolean;
  resizeListeners: Draggable["listeners"];
  resizeTransform: Draggable["transform"];
  setResizeNodeRef: Draggable["setNodeRef"];
}

const BlockDrawing = memo(function BlockDrawing({
  block,
  columnCount,
  editable,
  conflicts,
  roomNames,
  actions,
  attributes: dragAttributes,
  listeners,
  transform,
  dragging,
  setNodeRef,
  resizeListeners,
  resizeTransform,
  setResizeNodeRef,
}: DrawingProps) {
  const { session } = block;
  // A read-only block still opens its details: it is not "disabled", only not draggable.
  const {
    "aria-disabled": _disabled,
    "aria-describedby": describedBy,
    ...attributes
  } = dragAttributes;

  // Only the dragged block gets a transform, so only it re-renders while the pointer moves.
  const dy = transform?.y ?? 0;
  const grow = resizeTransform?.y ?? 0;
  const start = block.startMinute + snapMinutes(dy);
  const end = block.endMinute + snapMinutes(dy) + snapMinutes(grow);
  const height = Math.max(block.height + grow, SNAP_MINUTES * PX_PER_MINUTE);
  const colour = KIND_COLOURS[session.kind];
  const style = {
    top: block.top,
    height,
    left: `calc(${percent(block.left, columnCount)} + 2px)`,
    width: `calc(${percent(block.width, columnCount)} - 4px)`,
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    "--kind-bg": colour.background,
    "--kind-accent": colour.accent,
  } as CSSProperties;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (dragging) {
      // dnd-kit's keyboard drag moves the block; the browser must not also scroll the grid.
      if (event.key.startsWith("Arrow")) event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      return actions.open(session);
    }
    const step = ALT_STEPS[event.key];
    if (editable && event.altKey && step) {
      event.preventDefault();
      if (event.shiftKey && step.minutes) return actions.nudge(session, { length: step.minutes });
      if (!event.shiftKey) return actions.nudge(session, step);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  const time = `${minuteLabel(start)}–${minuteLabel(end)}`;
  const kind = SESSION_KIND_LABELS[session.kind];
  const status = [
    session.published ? "publiée" : "brouillon",
    conflicts > 0 ? `en conflit (${conflicts})` : null,
  ].filter(Boolean);
  // Text fits the block's true height: short sessions run time and title on one clamped line.
  const inline = height < 64;
  const showKind = height >= 84;
  const lines = Math.max(
    1,
    Math.floor((inline ? height - 6 : height - 28 - (showKind ? 15 : 0)) / LINE_PX),
  );
  const classes = [
    "block",
    // Centred like the printed planning, but only when drawn across the whole grid.
    session.wholeVenue && block.spansAll && "block--venue",
    !session.published && "block--draft",
    conflicts > 0 && "block--conflict",
    inline && "block--inline",
    dragging && "block--dragging",
    editable && "block--editable",
  ].filter(Boolean);
  const timeLine = (
    <span className="block__time">
      {conflicts > 0 && <span className="block__warning">⚠ </span>}
      {time}
      {!session.published && <span className="block__draft"> · brouillon</span>}
    </span>
  );

  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <button> would turn the Space that picks the block up (dnd-kit) into a click
    <div
      ref={setNodeRef}
      className={classes.join(" ")}
      style={style}
      data-session-id={session.id}
      {...attributes}
      role="button"
      tabIndex={0}
      aria-describedby={editable ? describedBy : undefined}
      aria-label={`${time}, ${kind} : ${session.title}. ${roomNames}. ${status.join(", ")}.`}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => actions.open(session)}
      title={`${time} · ${session.title}`}
    >
      {inline ? (
        <span
          className="block__clamp"
          style={{ "--lines": lines } as CSSProperties}
          aria-hidden="true"
        >
          {timeLine} <span className="block__title">{session.title}</span>
        </span>
      ) : (
        <>
          <span aria-hidden="true">{timeLine}</span>
          <span
            className="block__title block__clamp"
            style={{ "--lines": lines } as CSSProperties}
            aria-hidden="true"
          >
            {session.title}
          </span>
          {showKind && (
            <span className="block__kind" aria-hidden="true">
              {kind}
            </span>
          )}
        </>
      )}
      {editable && (
        <span
          ref={setResizeNodeRef}
          className="block__resize"
          aria-hidden="true"
          title="Tirer pour changer l'heure de fin"
          {...resizeListeners}
        />
      )}
    </div>
  );
});

/** Re-renders only when what it draws changes: the session object, its place or its flags. */
export const SessionBlock = memo(
  SessionBlockView,
  (a, b) =>
    a.block.session === b.block.session &&
    a.block.top === b.block.top &&
    a.block.height === b.block.height &&
    a.block.left === b.block.left &&
    a.block.width === b.block.width &&
    a.block.spansAll === b.block.spansAll &&
    a.columnCount === b.columnCount &&
    a.editable === b.editable &&
    a.conflicts === b.conflicts &&
    a.roomNames === b.roomNames &&
    a.actions === b.actions,
);
