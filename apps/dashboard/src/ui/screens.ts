export const SCREENS = [
  { id: "apercu", label: "Aperçu" },
  { id: "programme", label: "Programme" },
  { id: "subdivisions", label: "Subdivisions" },
  { id: "enquetes", label: "Enquêtes" },
  { id: "dossiers", label: "Dossiers" },
] as const;
export type ScreenId = (typeof SCREENS)[number]["id"];

export const isScreen = (name: string): name is ScreenId => SCREENS.some((s) => s.id === name);
