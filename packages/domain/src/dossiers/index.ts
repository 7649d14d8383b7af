export * from "./dossier";
export * from "./motion";
