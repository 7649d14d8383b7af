import { accountServices, systemContext } from "@tribune/api";
import { ROLE_LABELS, ROLES } from "@tribune/domain/auth";
import { formatDateTime } from "@tribune/domain/format";
import { type Command, Option } from "commander";
import { readEnv } from "../env";
import { withDatabase } from "./database";

/**
 * `tribune user invite` and `tribune user reset-link` (also `tribune accounts …`): the same
 * services as the admin's accounts page and its "Mot de passe oublié ?", in the system's name.
 * The links point under TRIBUNE_PUBLIC_URL, as in the messages.
 */
export function accountLinkCommands(user: Command): void {
  user
    .command("invite")
    .description(
      "Ouvre un compte sans mot de passe et envoie à son adresse un lien pour le choisir (valable 7 jours)",
    )
    .requiredOption("--email <email>", "adresse e-mail (identifiant de connexion)")
    .addOption(new Option("--role <role>", "rôle").choices(ROLES).makeOptionMandatory())
    .option("--name <name>", "nom affiché", "")
    .option(
      "--resend",
      "renvoyer l'invitation d'un compte qui n'a pas encore choisi son mot de passe",
    )
    .action(async (opts: { email: string; role: string; name: string; resend?: boolean }) => {
      const env = readEnv();
      const outcome = await withDatabase(async ({ db, events }) => {
        const ctx = {
          ...systemContext(db, events),
          ...(env.TRIBUNE_PUBLIC_URL ? { publicUrl: env.TRIBUNE_PUBLIC_URL } : {}),
        };
        if (opts.resend) {
          await accountServices.resendInvitation(ctx, { email: opts.email });
          return null;
        }
        return accountServices.inviteAccount(ctx, {
          email: opts.email,
          role: opts.role,
          displayName: opts.name,
        });
      }, env);
      console.log(
        outcome
          ? `Invitation en file d'envoi pour ${outcome.email} (${ROLE_LABELS[outcome.role]}) : le lien est valable 7 jours.`
          : `Nouvelle invitation en file d'envoi pour ${opts.email.trim().toLowerCase()} : le lien précédent ne fonctionne plus.`,
      );
    });

  user
    .command("reset-link")
    .description(
      "Affiche un lien à usage unique pour choisir un nouveau mot de passe (valable 1 heure), sans courriel : pour un·e admin qui ne peut plus se connecter",
    )
    .requiredOption("--email <email>", "adresse e-mail du compte")
    .action(async (opts: { email: string }) => {
      const env = readEnv();
      const link = await withDatabase(
        ({ db, events }) =>
          accountServices.issueResetLink(
            {
              ...systemContext(db, events),
              ...(env.TRIBUNE_PUBLIC_URL ? { publicUrl: env.TRIBUNE_PUBLIC_URL } : {}),
            },
            { email: opts.email },
          ),
        env,
      );
      console.log(
        `Lien pour ${link.email}, à usage unique, valable jusqu'au ${formatDateTime(link.expiresAt)} (heure de Paris) :`,
      );
      console.log(link.url);
    });
}
