import type { Database } from "@tribune/db";
import { findMessageByKey, listMessages } from "@tribune/db/repos/outbox";
import type { Registration, RegistrationInput } from "@tribune/domain/union";
import { bodyOfStoredMessage } from "./services/mail/render";

/** Test helpers for what the public registration sends by e-mail instead of answering it. */

interface Callers {
  anonymous(): Promise<{
    registration: { register(input: RegistrationInput): Promise<unknown> };
  }>;
  callerAs(role: "organiser"): Promise<{
    registration: {
      list(q: { editionId: string; search: string }): Promise<{ items: Registration[] }>;
    };
  }>;
}

/**
 * Registers on the public form, then reads the registration as the organisers see it: the
 * public answer no longer carries the code or the status (they go to the address by e-mail).
 */
export async function registerPublicly(
  api: Callers,
  input: RegistrationInput,
): Promise<Registration> {
  await (await api.anonymous()).registration.register(input);
  const page = await (await api.callerAs("organiser")).registration.list({
    editionId: input.editionId,
    search: input.email,
  });
  const found = page.items.find((r) => r.email === input.email.toLowerCase());
  if (!found) throw new Error(`No registration for ${input.email}`);
  return found;
}

/**
 * The messages queued for an address, oldest first, with their text as it leaves: rendered now
 * when the worker has not taken them yet (a change queues content, not a body).
 */
export async function messagesTo(db: Database, email: string) {
  const { items } = await listMessages(db, { limit: 500, offset: 0 });
  const mine = items.filter((m) => m.recipient === email.toLowerCase()).reverse();
  return Promise.all(
    mine.map(async (m) => {
      const full = await findMessageByKey(db, m.key);
      const body = full ? await bodyOfStoredMessage(full) : null;
      return { ...m, text: body?.text ?? "", attachments: body?.attachments ?? [] };
    }),
  );
}
