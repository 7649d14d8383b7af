import { SESSION_KIND_LABELS, type SessionKind } from "@tribune/domain/congress";
import type { CSSProperties } from "react";
import { KIND_COLOURS } from "../palette";

/** The colours of the kinds shown, plus how drafts and conflicts are drawn. */
export function KindLegend({ kinds }: { kinds: SessionKind[] }) {
  return (
    <section className="panel" aria-labelledby="legend-title">
      <h2 id="legend-title">Légende</h2>
      <ul className="legend">
        {kinds.map((kind) => (
          <li key={kind}>
            <span
              className="legend__swatch"
              aria-hidden="true"
              style={
                {
                  "--kind-bg": KIND_COLOURS[kind].background,
                  "--kind-accent": KIND_COLOURS[kind].accent,
                } as CSSProperties
              }
            />
            {SESSION_KIND_LABELS[kind]}
          </li>
        ))}
        <li>
          <span className="legend__swatch legend__swatch--draft" aria-hidden="true" />
          Brouillon (non publié)
        </li>
        <li>
          <span className="legend__swatch legend__swatch--conflict" aria-hidden="true">
            ⚠
          </span>
          En conflit
        </li>
      </ul>
    </section>
  );
}
