import type { Registration, RegistrationReceipt } from "@tribune/domain/union";

/** What a person who registered themselves may see of it: their own registration, no more. */
export const receiptOf = (r: Registration): RegistrationReceipt => ({
  editionId: r.editionId,
  code: r.code,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  subdivisionId: r.subdivisionId,
  meals: r.meals,
  gala: r.gala,
  status: r.status,
  waitlistPosition: r.waitlistPosition,
});
