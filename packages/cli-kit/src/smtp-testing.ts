import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type { ParsedMail } from "mailparser";
export type TestSmtpServer = Awaited<ReturnType<typeof startTestSmtpServer>>;

/**
 * A real SMTP server in process, for the server's tests, the browser tests (the server under
 * test sends to it through TRIBUNE_SMTP_URL) and the benches: it receives over the network
 * what nodemailer sends and keeps each message as mailparser reads it. `refuse` answers the
 * DATA command of the n-th delivery (1-based) with an error reply instead of accepting it
 * ("451 …" to try later, "550 …" for good). `keep: false` (a bench) only counts what arrives:
 * nothing parsed or kept.
 */
export async function startTestSmtpServer(
  options: {
    refuse?: (delivery: number) => { code: number; message: string } | null;
    keep?: boolean;
  } = {},
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
        if (options.keep === false) return callback();
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
