import {
  type ParsedMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@tribune/cli-kit/smtp-testing";
import { afterAll, beforeAll } from "vitest";
import { type Tribune, useTribune } from "./harness";

/** What a spec reads of the SMTP server: the messages received so far. */
export type Inbox = Pick<TestSmtpServer, "url" | "received">;

/**
 * In a spec file that reads the server's e-mail: a real SMTP server in this process, started
 * before the Tribune server (which sends to it through TRIBUNE_SMTP_URL) and stopped after it,
 * and the Tribune server itself (`useTribune()`).
 */
export function useTribuneWithMail(): {
  tribune: Tribune;
  smtp: Inbox;
} {
  let server: TestSmtpServer | undefined;
  // Registered before useTribune's hooks: vitest runs beforeAll in order and afterAll in reverse,
  // so the SMTP server is up before Tribune starts and outlives it.
  beforeAll(async () => {
    server = await startTestSmtpServer();
  });
  afterAll(() => server?.close());
  const running = (): TestSmtpServer => {
    if (!server) throw new Error("useTribuneWithMail(): used outside a test");
    return server;
  };
  const tribune = useTribune({ env: () => ({ TRIBUNE_SMTP_URL: running().url }) });
  const smtp: Inbox = {
    get url() {
      return running().url;
    },
    get received() {
      return running().received;
    },
  };
  return { tribune, smtp };
}

/**
 * Waits until a message to `to` whose subject matches has arrived (the server's outbox worker
 * sends within seconds), and answers it; fails after `timeoutMs`.
 */
export async function arrivedFor(
  smtp: Inbox,
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
