import {
  type Active,
  type Announcements,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type ScreenReaderInstructions,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type { Session } from "@tribune/domain/congress";
import { useMemo } from "react";
import { PX_PER_MINUTE, SNAP_MINUTES } from "./layout";

/** What each draggable carries: the whole block moves, or its bottom handle resizes it. */
export interface DragData {
  type: "move" | "resize";
  session: Session;
}

/** The grid's current column width in pixels, read at drag time (the grid is fluid). */
export interface GridMetrics {
  columnWidth: number;
}

const STEP = SNAP_MINUTES * PX_PER_MINUTE;
const dataOf = (active: Active | null) => active?.data.current as DragData | undefined;
const movesAcross = (data: DragData | undefined) =>
  !!data && data.type === "move" && !data.session.wholeVenue;

/** Snaps the dragged block to 5 minutes and whole columns; resizes and whole-venue stay put across. */
export function snapModifier(metrics: { current: GridMetrics }): Modifier {
  return ({ transform, active }) => {
    const width = metrics.current.columnWidth || 1;
    const x = movesAcross(dataOf(active)) ? Math.round(transform.x / width) * width : 0;
    return { ...transform, x, y: Math.round(transform.y / STEP) * STEP };
  };
}

/** dnd-kit's keyboard drag (Space, arrows, Space) in the same steps as the pointer. */
export function keyboardSteps(metrics: { current: GridMetrics }): KeyboardCoordinateGetter {
  return (event, { currentCoordinates, context }) => {
    const across = movesAcross(dataOf(context.active));
    const { x, y } = currentCoordinates;
    switch (event.code) {
      case KeyboardCode.Down:
        return { x, y: y + STEP };
      case KeyboardCode.Up:
        return { x, y: y - STEP };
      case KeyboardCode.Right:
        return across ? { x: x + metrics.current.columnWidth, y } : undefined;
      case KeyboardCode.Left:
        return across ? { x: x - metrics.current.columnWidth, y } : undefined;
      default:
        return undefined;
    }
  };
}

/** A few pixels of travel before a drag starts, so a plain click still opens the form. */
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };

export function useGridSensors(metrics: { current: GridMetrics }) {
  // dnd-kit keeps a sensor only while its options are the same object: new options on each
  // render gave every block new listeners through the drag context, so the whole grid of blocks
  // was drawn again on any render of the grid (a drop, a save, a conflict count).
  const keyboard = useMemo(
    () => ({
      // Enter stays "open the form"; Tab cancels rather than dropping somewhere unseen.
      keyboardCodes: {
        start: [KeyboardCode.Space],
        cancel: [KeyboardCode.Esc, KeyboardCode.Tab],
        end: [KeyboardCode.Space],
      },
      coordinateGetter: keyboardSteps(metrics),
      // Instant scrolling keeps each arrow press exactly one step (smooth scrolling drifts).
      scrollBehavior: "auto" as const,
    }),
    [metrics],
  );
  return useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, keyboard));
}

const titleOf = (active: Active) => `« ${dataOf(active)?.session.title ?? "session"} »`;

export const ANNOUNCEMENTS: Announcements = {
  onDragStart: ({ active }) =>
    dataOf(active)?.type === "resize"
      ? `Fin de ${titleOf(active)} saisie. Flèches haut et bas pour la changer, Espace pour valider.`
      : `${titleOf(active)} saisie. Flèches pour la déplacer, Espace pour la déposer, Échap pour annuler.`,
  onDragOver: () => undefined,
  onDragEnd: ({ active }) => `${titleOf(active)} déposée.`,
  onDragCancel: ({ active }) => `Déplacement de ${titleOf(active)} annulé.`,
};

export const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    "Entrée ouvre la fiche de la session. Alt + flèches haut ou bas la déplace de 5 minutes, " +
    "Alt + flèches gauche ou droite change de salle, Alt + Maj + flèches haut ou bas change sa fin. " +
    "Ou Espace pour la saisir, flèches pour la déplacer, Espace pour la déposer, Échap pour annuler.",
};
