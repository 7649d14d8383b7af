import { z } from "zod";
import { fr } from "zod/locales";

/**
 * French for the checks the domain schemas leave to zod's defaults (a capacity of 12.5, a
 * name of 300 characters). Messages the schemas spell out themselves always win; anything not
 * covered here falls back to zod's French locale. Global to zod: the server and every front end
 * call it once at start-up, so API errors and form errors read the same.
 */
export function configureFrenchZodMessages(): void {
  z.config(fr());
  z.config({
    customError(issue) {
      switch (issue.code) {
        case "invalid_type":
          if (issue.expected === "number" || issue.expected === "int")
            return "Saisissez un nombre.";
          return undefined;
        case "invalid_format":
          if (issue.format === "url") return "Adresse web invalide (elle commence par https://).";
          return undefined;
        case "too_small":
          if (issue.origin === "string" && Number(issue.minimum) === 1)
            return "Ce champ est obligatoire.";
          if (issue.origin === "number")
            return issue.inclusive
              ? `La valeur doit être supérieure ou égale à ${issue.minimum}.`
              : `La valeur doit être supérieure à ${issue.minimum}.`;
          return undefined;
        case "too_big":
          if (issue.origin === "string") return `${issue.maximum} caractères au plus.`;
          if (issue.origin === "number") return `La valeur doit être au plus ${issue.maximum}.`;
          return undefined;
        default:
          return undefined;
      }
    },
  });
}
