import { Command, InvalidArgumentError } from "commander";
import { ZodError } from "zod";
import { outputPath, readEnv } from "./env";
import { DossierError, exportDossier } from "./export";
import { ask, askHidden } from "./prompt";

const DEFAULT_SERVER = "http://localhost:3000";

const year = (value: string) => {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError("une année sur quatre chiffres est attendue (ex. 2026).");
  return Number(value);
};

const program = new Command("tribune-dossier")
  .description("Dossier de presse de Tribune : export PDF depuis le serveur")
  .showHelpAfterError();

program
  .command("export")
  .description("Télécharge le dossier de presse d'une édition et le met en page en PDF")
  .option(
    "-e, --edition <année>",
    "année de l'édition (ex. 2027 ; défaut : l'édition en cours, sinon la prochaine)",
    year,
  )
  .option("-o, --out <fichier>", "fichier PDF à écrire (défaut : dossier-de-presse-<année>.pdf)")
  .option("-s, --server <url>", "adresse du serveur Tribune", DEFAULT_SERVER)
  .action(async (opts: { edition?: number; out?: string; server: string }) => {
    const env = readEnv();
    await exportDossier({
      server: opts.server,
      year: opts.edition,
      output: (edition) => {
        const outLabel = opts.out ?? `dossier-de-presse-${edition}.pdf`;
        return { out: outputPath(env, outLabel), outLabel };
      },
      progress: (line) => console.log(line),
      warn: (line) => console.error(line),
      credentials: async () => ({
        email: env.TRIBUNE_EMAIL ?? (await ask("Adresse e-mail (compte Presse) : ")),
        password: env.TRIBUNE_PASSWORD ?? (await askHidden("Mot de passe : ")),
      }),
    });
  });

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof DossierError
      ? error.message
      : error instanceof ZodError
        ? error.issues.map((i) => i.message).join("\n")
        : error instanceof Error
          ? error.message
          : String(error);
  console.error(`Erreur : ${message}`);
  process.exitCode = 1;
});
