import type { SessionKind } from "@tribune/domain/congress";

export interface KindColour {
  /** Block background: light, so that the dark ink text keeps a contrast above 7:1. */
  background: string;
  /** Left rule and legend swatch border: the saturated hue that tells kinds apart. */
  accent: string;
}

/** One colour per session kind, shared by the grid, the legend and the public page. */
export const KIND_COLOURS: Record<SessionKind, KindColour> = {
  pleniere: { background: "#dbe7fb", accent: "#1f4e8c" },
  table_ronde: { background: "#e9e0f8", accent: "#5b3a9e" },
  boite_a_outils: { background: "#d8f1e4", accent: "#16794a" },
  atelier: { background: "#fde6cc", accent: "#b25e09" },
  flash_actualite: { background: "#fde0e6", accent: "#b4235a" },
  conference_partenaire: { background: "#d4eef4", accent: "#0f6f84" },
  intervention_partenaire: { background: "#e2f3d2", accent: "#4f7a13" },
  prix: { background: "#fbf0c2", accent: "#8a6d00" },
  accueil: { background: "#e9edf2", accent: "#5b6577" },
  pause: { background: "#f0efe9", accent: "#7a7565" },
  repas: { background: "#f4e9df", accent: "#8a5a3b" },
  cloture: { background: "#e0e3f1", accent: "#3b4a7a" },
  soiree: { background: "#f5def1", accent: "#8e2f7e" },
};
