/** @jsxRuntime automatic @jsxImportSource react */
import type { BadgeSheets } from "@tribune/domain/union";
import { renderToPdf } from "../pdf-buffer";
import { BadgesDocument } from "./BadgesDocument";

/** Badge sheets as a PDF file, with its page count. */
export function renderBadges(model: BadgeSheets): Promise<{ pdf: Buffer; pageCount: number }> {
  return renderToPdf(<BadgesDocument model={model} />);
}
