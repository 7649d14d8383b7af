/** Subdivisions, members, registrations, sign-ups, the attendee space and retention. */
export * from "./attendee";
export * from "./attendee-documents";
export * from "./decisions";
export * from "./member";
export * from "./memberImport";
export * from "./registration";
export * from "./registration-mail";
export * from "./retention";
export * from "./scope";
export * from "./signup";
export * from "./subdivision";
