/**
 * The port survey invitations leave through: an SMTP server, reached directly. Not the outbox —
 * an outbox row is the whole message with its recipient, so it would keep each address beside
 * its one-time link — and never a folder of .eml files, for the same reason.
 */

/** One invitation, rendered: its recipient and its body exist only while it is being sent. */
export interface InvitationMessage {
  /** Names the campaign, never the token (the Message-ID is derived from it). */
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * What the SMTP server said: accepted; refused for good (a 5xx reply: no such mailbox — a
 * bounce); or not now (a 4xx reply, a timeout, a lost connection).
 */
export type InvitationDelivery = "sent" | "bounced" | "failed";

export interface InvitationMailer {
  send(message: InvitationMessage): Promise<InvitationDelivery>;
}
