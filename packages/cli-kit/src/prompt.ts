import { createInterface } from "node:readline";

let piped: AsyncIterator<string> | null = null;

/** The next line of a piped standard input (one reader for every question). */
async function nextPipedLine(): Promise<string> {
  piped ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const { value, done } = await piped.next();
  if (done)
    throw new Error(
      "L'entrée standard s'est fermée avant les identifiants (TRIBUNE_EMAIL, TRIBUNE_PASSWORD).",
    );
  return String(value).trim();
}

/** Asks a question on the terminal and returns the answer; reads a line when input is piped. */
export function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    process.stderr.write(question);
    return nextPipedLine().finally(() => process.stderr.write("\n"));
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer.trim());
    });
  });
}

/** Asks for a password without echoing it on a terminal; reads a line when input is piped. */
export function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return ask(question);
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
        if (ch === "\u0003") return done(new Error("Saisie interrompue."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
