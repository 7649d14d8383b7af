import type { Survey } from "@tribune/domain/surveys";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "../../../../ui/Field";
import { slugFrom } from "../../draft";
import type { BuilderFields } from "../../hooks/useSurveyDraft";

const orNull = (value: string) => value || null;
const numberOrNull = (value: string) => (value === "" ? null : Number(value));

/** The survey's description: title and public link, year, partners, dates, anonymity, privacy. */
export function DescriptionCard({
  form,
  survey,
  locked,
}: {
  form: UseFormReturn<BuilderFields>;
  survey: Survey | null;
  /** Answers exist: the anonymity mode no longer changes. */
  locked: boolean;
}) {
  const { register, setValue } = form;
  // A new survey's link follows its title until saved; a saved one keeps its own.
  const slugTouched = survey !== null;
  const linkShared = !!survey && survey.status !== "draft";
  return (
    <div className="card survey-card">
      <h2>Description</h2>
      <div className="survey-grid">
        <Field label="Titre">
          {(p) => (
            <input
              {...p}
              {...register("title", {
                onChange: (e) => {
                  if (!slugTouched) setValue("slug", slugFrom(e.target.value));
                },
              })}
            />
          )}
        </Field>
        <Field
          label="Identifiant (lien public)"
          hint={
            linkShared ? "Le lien a été diffusé : il ne change plus." : "Minuscules, chiffres et -"
          }
        >
          {(p) => <input {...p} disabled={linkShared} {...register("slug")} />}
        </Field>
        <Field label="Année">
          {(p) => (
            <input {...p} type="number" {...register("year", { setValueAs: numberOrNull })} />
          )}
        </Field>
        <Field label="Partenaires" hint="Séparés par des virgules : ISNI, FNSIP-BM">
          {(p) => <input {...p} {...register("partners")} />}
        </Field>
        <Field label="Public visé">{(p) => <input {...p} {...register("audience")} />}</Field>
        <Field label="Ouverture">
          {(p) => <input {...p} type="date" {...register("opensOn", { setValueAs: orNull })} />}
        </Field>
        <Field label="Clôture">
          {(p) => <input {...p} type="date" {...register("closesOn", { setValueAs: orNull })} />}
        </Field>
        <Field
          label="Anonymat"
          hint={locked ? "Des réponses existent : le mode ne peut plus changer." : undefined}
        >
          {(p) => (
            <select {...p} disabled={locked} {...register("anonymity")}>
              <option value="anonymous">Anonyme, sur invitation (lien à usage unique)</option>
              <option value="open_link">Anonyme, lien ouvert à toutes et tous</option>
            </select>
          )}
        </Field>
        <Field
          label="Seuil de confidentialité"
          hint="Groupes plus petits masqués ; jamais moins de 5 (11 par défaut)"
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={5}
              {...register("disclosureThreshold", { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label="Sensibilité">
          {(p) => (
            <select {...p} {...register("sensitivity")}>
              <option value="standard">Ordinaire</option>
              <option value="health">
                Données de santé (ventilations réservées à l'administration et au Bureau)
              </option>
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
