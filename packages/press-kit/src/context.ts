import type { KeyFigure, PressKitModel } from "@tribune/domain/press-kit";
import { createContext, useContext } from "react";

/**
 * What react-pdf tells us while it lays the document out: the page each anchor (a section id,
 * or `section/item`) lands on, and what the contents page printed. Render callbacks write it.
 */
export class PageLog {
  readonly starts = new Map<string, number>();
  readonly printed = new Map<string, number>();
  totalPages = 0;
}

export interface RenderContextValue {
  model: PressKitModel;
  log: PageLog;
  figure(id: string): KeyFigure;
}

export const RenderContext = createContext<RenderContextValue | null>(null);

export function useRender(): RenderContextValue {
  const value = useContext(RenderContext);
  if (!value) throw new Error("Press-kit components render inside <PressKitDocument>");
  return value;
}

/** A PDF destination name for an anchor id ("representer/moyens" → "representer--moyens"). */
export const destination = (id: string) => id.replace(/\//g, "--");
