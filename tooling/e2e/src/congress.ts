import type { Page } from "playwright-core";
import { mutate, query } from "./harness";

/** The seeded 26th congress (Dijon, January 2026) every spec file starts from. */
export const EDITION = "00000001-0000-4000-8000-00000000001a";
/** A workshop of its programme, whose places a spec sets. */
export const WORKSHOP = "1,2,3 rempla";

/**
 * Gives the workshop `capacity` places through the API, with an organiser's page (`desk`);
 * answers its session id.
 */
export async function openWorkshop(desk: Page, capacity: number): Promise<string> {
  const overview = await query<{ sessionId: string; title: string }[]>(desk, "signup.overview", {
    editionId: EDITION,
  });
  const workshop = overview.find((s) => s.title === WORKSHOP);
  if (!workshop) throw new Error(`no workshop « ${WORKSHOP} »`);
  await mutate(desk, "signup.setCapacity", { sessionId: workshop.sessionId, capacity });
  return workshop.sessionId;
}

/** Types who a person is into the public registration form the page shows, as they would. */
export async function fillRegistration(
  page: Page,
  person: { firstName: string; lastName: string; email: string; subdivision: string },
) {
  await page.getByLabel("Prénom").fill(person.firstName);
  await page.getByLabel("Nom", { exact: true }).fill(person.lastName);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Subdivision").selectOption({ label: person.subdivision });
}
