import { type RenderedBody, storedAttachment } from "@tribune/db/repos/outbox";
import type { StoredAttachment } from "@tribune/db/schema";
import { MailContent } from "@tribune/domain/mail";
import { renderMail } from "@tribune/mail";
import { z } from "zod";

/**
 * Renders a message the outbox holds unrendered (the `content` a change queued, see
 * `effects.mail`), after the change committed: read back through the domain's schema — a row
 * another version wrote differently, or a damaged one, is refused with the reason — then laid
 * out by the mail package (HTML, text, QR code, calendar). Throws when either fails: the worker
 * gives that message up (dead, with the reason), and goes on with the others.
 */
export async function renderQueuedMail(content: unknown): Promise<RenderedBody> {
  const read = MailContent.safeParse(content);
  if (!read.success)
    throw new Error(`contenu illisible (${z.prettifyError(read.error).replaceAll("\n", " ")})`);
  const message = await renderMail(read.data);
  return {
    text: message.text,
    html: message.html,
    attachments: message.attachments.map(storedAttachment),
  };
}

/**
 * A stored message's body as it leaves (or left): its rendering, or its content rendered now
 * when the worker has not taken it yet. For tests and diagnostics: no staff page shows a body.
 */
export async function bodyOfStoredMessage(row: {
  content: unknown;
  text: string | null;
  html: string | null;
  attachments: StoredAttachment[];
}): Promise<RenderedBody> {
  if (row.content == null)
    return { text: row.text ?? "", html: row.html ?? "", attachments: row.attachments };
  return renderQueuedMail(row.content);
}
