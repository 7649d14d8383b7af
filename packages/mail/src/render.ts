import { render } from "@react-email/render";
import type {
  CongressCalendar,
  MailAttachment,
  MailContent,
  MailMessage,
} from "@tribune/domain/mail";
import icalGenerator from "ical-generator";
import QRCode from "qrcode";
import { createElement } from "react";
import { Message, QR_CID } from "./Message";

/** The plain-text part: the same words as the HTML, for readers that show no HTML. */
export function plainTextOf(content: MailContent): string {
  const lines = [content.heading, "", content.greeting, ""];
  for (const paragraph of content.paragraphs) {
    lines.push(paragraph, "");
    if (content.code && paragraph.endsWith(":")) lines.push(`    ${content.code}`, "");
  }
  if (content.code && !content.paragraphs.some((p) => p.endsWith(":")))
    lines.push(`Votre code : ${content.code}`, "");
  if (content.action) lines.push(`${content.action.label} : ${content.action.url}`, "");
  lines.push(content.signOff, "", "--", content.footer);
  return `${lines.join("\n")}\n`;
}

/** The registration code as the same QR code the public page shows (qrcode, level M). */
export function qrCodePng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { errorCorrectionLevel: "M", margin: 2, width: 240, type: "png" });
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The congress's days as one all-day event (iCalendar), to add to any calendar. */
export function congressIcs(calendar: CongressCalendar): string {
  const cal = icalGenerator({ name: calendar.summary, prodId: "//Tribune//Congrès//FR" });
  cal.createEvent({
    id: calendar.uid,
    allDay: true,
    // All-day dates are floating days: written as they are, whatever the reader's zone.
    start: new Date(`${calendar.firstDay}T12:00:00Z`),
    end: new Date(`${nextDay(calendar.lastDay)}T12:00:00Z`),
    summary: calendar.summary,
    location: calendar.location,
    timezone: calendar.timeZone,
  });
  return cal.toString();
}

/** Renders a message the domain decided: HTML (React), plain text, QR code and calendar. */
export async function renderMail(content: MailContent): Promise<MailMessage> {
  const attachments: MailAttachment[] = [];
  if (content.code)
    attachments.push({
      filename: "code-inscription.png",
      contentType: "image/png",
      content: await qrCodePng(content.code),
      cid: QR_CID,
    });
  if (content.calendar)
    attachments.push({
      filename: "congres.ics",
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
      content: new TextEncoder().encode(congressIcs(content.calendar)),
    });
  return {
    key: content.key,
    kind: content.kind,
    to: content.to,
    subject: content.subject,
    text: plainTextOf(content),
    html: await render(createElement(Message, { content })),
    attachments,
  };
}
