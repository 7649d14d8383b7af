import type { InvitationDelivery, InvitationMailer } from "@tribune/api";
import nodemailer from "nodemailer";
import { isPermanentFailure, type MailTarget, messageIdOf } from "./transport";

/**
 * The SMTP connection survey invitations leave through: the same server and sender as the
 * outbox's (TRIBUNE_SMTP_URL, TRIBUNE_MAIL_FROM), pooled — a few connections kept open, many
 * messages each — since a campaign sends thousands in a row. Only over SMTP: without it, every
 * message would be an .eml file keeping an address beside its one-time link, so there is no
 * invitation mailer at all (the services refuse to start a campaign).
 */
export interface InvitationTransport extends InvitationMailer {
  close(): void;
}

export function createInvitationMailer(target: MailTarget): InvitationTransport | undefined {
  if (!("smtpUrl" in target)) return undefined;
  const smtp = nodemailer.createTransport({
    url: target.smtpUrl,
    pool: true,
    maxConnections: 8,
    maxMessages: 500,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message): Promise<InvitationDelivery> {
      try {
        await smtp.sendMail({
          from: target.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: messageIdOf(message.key, target.from),
        });
        return "sent";
      } catch (error) {
        return isPermanentFailure(error) ? "bounced" : "failed";
      }
    },
    close: () => smtp.close(),
  };
}
