import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server in process, for browser tests (the server under test sends to it through
 * TRIBUNE_SMTP_URL); the same as apps/server's mail/smtp-testing.ts, which e2e does not import: it receives over the network what nodemailer sends
 * and keeps each message as mailparser reads it. `refuse` answers the DATA command of the n-th
 * delivery (1-based) with an error reply instead of accepting it ("451 …" to try later,
 * "550 …" for good).
 */
export async function startTestSmtpServer(
  options: { refuse?: (delivery: number) => { code: number; message: string } | null } = {},
) {
  const received: ParsedMail[] = [];
  let deliveries = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        deliveries += 1;
        const refusal = options.refuse?.(deliveries) ?? null;
        if (refusal)
          return callback(
            Object.assign(new Error(refusal.message), { responseCode: refusal.code }),
          );
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            received.push(parsed);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Every DATA command, refused ones included. */
    deliveries: () => deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Waits until a message to `to` whose subject matches has arrived (the server's outbox worker
 * sends within seconds), and answers it; fails after `timeoutMs`.
 */
export async function arrivedFor(
  smtp: Awaited<ReturnType<typeof startTestSmtpServer>>,
  to: string,
  subject: RegExp,
  timeoutMs = 30_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.received.find(
      (m) => (m.to as { text?: string } | undefined)?.text === to && subject.test(m.subject ?? ""),
    );
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `No message « ${subject} » for ${to}; received: ${smtp.received.map((m) => m.subject).join(" | ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
