import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { formatDateTime } from "@tribune/domain/format";
import {
  contactsToText,
  PRESS_KIT_EDITORS,
  PressKitFrameEdit,
  parseContactsText,
  SECTION_IDS,
  SECTION_LABELS,
  type SectionId,
  textToTopics,
  topicsToText,
} from "@tribune/domain/press-kit";
import { useId, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { apiResolver, showServerError } from "../../../ui/forms";
import { hasRole, useMe } from "../../auth/hooks/useMe";

type Frame = RouterOutputs["pressKit"]["frame"];
type Fields = {
  organisation: string;
  congressName: string;
  headings: Record<SectionId, { title: string; kicker: string }>;
  flashTopics: string;
  contacts: string;
};
const FIELDS = ["organisation", "congressName", "headings", "flashTopics", "contacts"] as const;

/** The contacts typed one per line (as on the contacts section); none when left empty. */
function contactsOf(text: string) {
  if (text.trim() === "") return { ok: true as const, contacts: null };
  return parseContactsText(text);
}

/**
 * Edits the frame of an edition's kit: the organisation and congress's name the cover prints,
 * each section's default heading, the flash topics and the contacts a section not yet written
 * starts from (and that an empty contacts section prints).
 */
function FrameForm({ year, frame, onDone }: { year: number; frame: Frame; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const toInput = (v: Fields) => {
    const parsed = contactsOf(v.contacts);
    return {
      year,
      organisation: v.organisation,
      congressName: v.congressName,
      headings: Object.fromEntries(
        SECTION_IDS.map((s) => [
          s,
          { title: v.headings[s].title, kicker: v.headings[s].kicker.trim() || null },
        ]),
      ),
      flashTopics: textToTopics(v.flashTopics),
      contacts: (parsed.ok && parsed.contacts) || { people: [], websites: [], social: [] },
    };
  };
  const schemaResolver = apiResolver<Fields, PressKitFrameEdit>(PressKitFrameEdit, toInput, FIELDS);
  const resolver: Resolver<Fields, unknown, PressKitFrameEdit> = async (values, ...rest) => {
    const parsed = contactsOf(values.contacts);
    if (!parsed.ok)
      return { values: {}, errors: { contacts: { type: "validate", message: parsed.problem } } };
    return schemaResolver(values, ...rest);
  };
  const form = useForm<Fields, unknown, PressKitFrameEdit>({
    resolver,
    defaultValues: {
      organisation: frame.organisation,
      congressName: frame.congressName,
      headings: Object.fromEntries(
        SECTION_IDS.map((s) => [
          s,
          { title: frame.headings[s].title, kicker: frame.headings[s].kicker ?? "" },
        ]),
      ) as Fields["headings"],
      flashTopics: topicsToText(frame.flashTopics),
      contacts: contactsToText(frame.contacts),
    },
  });
  const update = useMutation(trpc.pressKit.updateFrame.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() });
      onDone();
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });
  const error = (message: string | undefined) =>
    message && (
      <p className="field__error" role="alert">
        {message}
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Modifier le cadre du dossier de presse">
      <div className="field">
        <label htmlFor={`${id}-organisation`}>Organisation</label>
        <input
          id={`${id}-organisation`}
          type="text"
          aria-invalid={!!errors.organisation || undefined}
          {...form.register("organisation")}
        />
        {error(errors.organisation?.message)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-congress`}>Nom du congrès</label>
        <p className="field__hint" id={`${id}-congress-hint`}>
          La couverture imprime le numéro de l'édition devant : « 27e Congrès… ».
        </p>
        <input
          id={`${id}-congress`}
          type="text"
          aria-describedby={`${id}-congress-hint`}
          aria-invalid={!!errors.congressName || undefined}
          {...form.register("congressName")}
        />
        {error(errors.congressName?.message)}
      </div>
      <fieldset className="field">
        <legend>Titres par défaut des sections</legend>
        <p className="field__hint">
          Ceux d'une section pas encore écrite ; une section enregistrée garde les siens.
        </p>
        {SECTION_IDS.map((s) => (
          <div key={s} className="press-kit__frame-heading">
            <div className="field">
              <label htmlFor={`${id}-${s}-title`}>{`Titre — ${SECTION_LABELS[s]}`}</label>
              <input
                id={`${id}-${s}-title`}
                type="text"
                aria-invalid={!!errors.headings?.[s]?.title || undefined}
                {...form.register(`headings.${s}.title`)}
              />
              {error(errors.headings?.[s]?.title?.message)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${s}-kicker`}>{`Rubrique — ${SECTION_LABELS[s]}`}</label>
              <input
                id={`${id}-${s}-kicker`}
                type="text"
                {...form.register(`headings.${s}.kicker`)}
              />
              {error(errors.headings?.[s]?.kicker?.message)}
            </div>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-topics`}>Sujets des flash actualités</label>
        <p className="field__hint">Un sujet par ligne.</p>
        <textarea id={`${id}-topics`} rows={4} {...form.register("flashTopics")} />
        {error(errors.flashTopics?.message)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-contacts`}>Contacts</label>
        <p className="field__hint" id={`${id}-contacts-hint`}>
          Le point de départ de la section « Nous contacter » : elle les imprime tant qu'elle n'est
          pas rédigée ; une fois rédigée, c'est son texte qui compte. Une ligne par contact : « Nom
          | Fonction | e-mail | téléphone » · « Site : adresse » · « Instagram : compte » ; vide
          pour aucun.
        </p>
        <textarea
          id={`${id}-contacts`}
          rows={6}
          aria-describedby={`${id}-contacts-hint`}
          aria-invalid={!!errors.contacts || undefined}
          {...form.register("contacts")}
        />
        {error(errors.contacts?.message)}
      </div>
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}

/**
 * The frame of the edition's kit, stored with the edition (a new edition's starts neutral,
 * a copied one's from the previous edition): shown, and edited by the press and the bureau
 * while the edition is not archived.
 */
export function PressKitFrame({ year, readOnly }: { year: number; readOnly: boolean }) {
  const trpc = useTRPC();
  const me = useMe();
  const canEdit = !readOnly && hasRole(me.data?.role, PRESS_KIT_EDITORS);
  const frame = useQuery(trpc.pressKit.frame.queryOptions({ year }));
  const [editing, setEditing] = useState(false);
  if (frame.isError)
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(frame.error)}
      </p>
    );
  if (!frame.data) return <p className="muted">Chargement du cadre…</p>;
  const f = frame.data;
  const people = f.contacts.people.length;
  return (
    <section aria-labelledby="press-kit-frame" className="press-kit__frame">
      <h2 id="press-kit-frame">Cadre du dossier</h2>
      <p>
        {f.organisation} · {f.congressName} ·{" "}
        {people === 0 ? "aucun contact" : `${people} contact${people > 1 ? "s" : ""}`} ·{" "}
        {f.figures.length} chiffre{f.figures.length > 1 ? "s" : ""} défini
        {f.figures.length > 1 ? "s" : ""}
      </p>
      <p className="muted">
        {f.stored
          ? f.updatedAt &&
            `Modifié${f.updatedBy ? ` par ${f.updatedBy}` : ""} le ${formatDateTime(f.updatedAt)}`
          : "Modèle neutre, jamais enregistré pour cette édition."}
      </p>
      {canEdit && !editing && (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Modifier le cadre
        </button>
      )}
      {editing && <FrameForm year={year} frame={f} onDone={() => setEditing(false)} />}
    </section>
  );
}
