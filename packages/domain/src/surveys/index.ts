export * from "./disclosure";
export * from "./import";
export * from "./keyFigure";
export * from "./reference2026";
export * from "./response";
export * from "./results";
export * from "./statistics";
export * from "./survey";
