/** The reference and demo loaders (`@tribune/db/seed`): what a demo, the CLI or a test starts from. */
export { holdsEdition, realActivity } from "./demo";
export { seedReferenceDossiers } from "./dossiers";
export { seedReferenceEdition } from "./reference";
export { ensureEditionQuota, seedSubdivisions, seedSyntheticRegistrations } from "./subdivisions";
export { seedReferenceSurveys } from "./surveys";
