export * from "./decisions";
export * from "./dossier";
export * from "./motion";
