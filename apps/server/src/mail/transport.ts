import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoredAttachment } from "@tribune/db/schema";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

/** Where e-mail leaves: an SMTP server, or a directory of .eml files (the embedded demo). */
export type MailTarget = { smtpUrl: string; from: string } | { directory: string; from: string };

/** A message as it leaves: rendered, addressed, with the key its Message-ID derives from. */
export interface OutgoingMessage {
  key: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
}

/** Delivers one message; throws when it was not accepted (see isPermanentFailure). */
export interface MailTransport {
  readonly description: string;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * Timeouts well under the outbox's lease (5 min): a delivery that hangs fails and is retried
 * before another worker could take the message over.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The same Message-ID on every attempt: a receiver that got it twice can tell. */
export function messageIdOf(key: string, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? "tribune.invalid";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${domain}>`;
}

function mimeOf(message: OutgoingMessage, from: string): Mail.Options {
  return {
    from,
    to: message.recipient,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: messageIdOf(message.key, from),
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, "base64"),
      ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
    })),
  };
}

/** The name of a message's .eml file: its key, made safe for every file system. */
export const emlFileName = (key: string) => `${key.replace(/[^A-Za-z0-9_.-]+/g, "_")}.eml`;

export function createMailTransport(target: MailTarget): MailTransport {
  if ("smtpUrl" in target) {
    const smtp = nodemailer.createTransport({ url: target.smtpUrl, ...SMTP_TIMEOUTS });
    const { host, port } = new URL(target.smtpUrl);
    return {
      description: `SMTP ${host}:${port || "25"}`,
      send: async (message) => {
        await smtp.sendMail(mimeOf(message, target.from));
      },
      close: () => smtp.close(),
    };
  }
  // nodemailer builds the very MIME it would send; the file is written whole or not at all.
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    description: `fichiers .eml dans ${target.directory}`,
    send: async (message) => {
      const built = await builder.sendMail(mimeOf(message, target.from));
      await mkdir(target.directory, { recursive: true });
      const path = join(target.directory, emlFileName(message.key));
      await writeFile(`${path}.tmp`, built.message as Buffer);
      await rename(`${path}.tmp`, path);
    },
    close: () => builder.close(),
  };
}

/**
 * Whether sending again is pointless: the server refused for good (an SMTP 5xx reply: no such
 * mailbox, address refused). A 4xx reply, a timeout or a lost connection may pass next time.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
