/**
 * The face of the API for front ends: the router's type and what its procedures take and
 * answer, erased at compile time. Front ends import this entry only (the lint's
 * `front-end-api-types-entry`); the package's root is the server's entry.
 */
export type { AppRouter, RouterInputs, RouterOutputs } from "./root";
