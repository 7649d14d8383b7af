import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import {
  PressKitSectionEdit,
  SECTION_LABELS,
  SECTION_TEXT,
  SIGNED_SECTIONS,
} from "@tribune/domain/press-kit";
import { type ReactNode, useId } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { apiResolver, showServerError } from "../../../ui/forms";

type Section = RouterOutputs["pressKit"]["sections"][number];
type Fields = {
  title: string;
  kicker: string;
  text: string;
  signatureName: string;
  signatureRole: string;
};
const FIELDS = ["title", "kicker", "text", "signatureName", "signatureRole"] as const;
const rename = (path: string) =>
  path === "signature.name" ? "signatureName" : path === "signature.role" ? "signatureRole" : path;

/**
 * Edits a section's title, text and signature. A word's text is plain formatted text:
 * paragraphs separated by a blank line, `**bold**`, "- " list items, `{{figure-id}}` for a key
 * figure; the flash topics and the contacts are one item per line.
 */
export function PressKitSectionForm({
  year,
  section,
  onDone,
}: {
  year: number;
  section: Section;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const textKind = SECTION_TEXT[section.sectionId];
  const signed = SIGNED_SECTIONS.includes(section.sectionId);
  const form = useForm<Fields, unknown, PressKitSectionEdit>({
    resolver: apiResolver<Fields, PressKitSectionEdit>(
      PressKitSectionEdit,
      (v) => ({
        year,
        sectionId: section.sectionId,
        title: v.title,
        kicker: v.kicker.trim() || null,
        text: textKind ? v.text : "",
        signature:
          signed && v.signatureName.trim()
            ? { name: v.signatureName, role: v.signatureRole }
            : null,
      }),
      FIELDS,
      rename,
    ),
    defaultValues: {
      title: section.title,
      kicker: section.kicker ?? "",
      text: section.text,
      signatureName: section.signature?.name ?? "",
      signatureRole: section.signature?.role ?? "",
    },
  });
  const update = useMutation(trpc.pressKit.updateSection.mutationOptions());
  const { errors, isSubmitting } = form.formState;
  // The server's refusal of one field is shown under that field, not a second time below.
  const rootError = errors.root?.server?.message ?? errors.root?.message;
  const footerError = FIELDS.some((name) => errors[name]?.message === rootError)
    ? undefined
    : rootError;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.pressKit.pathKey() });
      onDone();
    } catch (error) {
      showServerError(form.setError, error, FIELDS, rename);
    }
  });
  const field = (name: keyof Fields, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      )}
      {input}
      {errors[name] && (
        <p className="field__error" role="alert">
          {errors[name]?.message}
        </p>
      )}
    </div>
  );
  const inputProps = (name: keyof Fields, hint = false) => ({
    id: `${id}-${name}`,
    "aria-invalid": !!errors[name] || undefined,
    "aria-describedby": hint ? `${id}-${name}-hint` : undefined,
    ...form.register(name),
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Modifier « ${SECTION_LABELS[section.sectionId]} »`}
      className="press-kit__form"
    >
      {section.status === "validated" && (
        <p className="notice notice--warning">
          Cette section est validée : toute modification la repasse en brouillon jusqu'à une
          nouvelle validation par le Bureau National.
        </p>
      )}
      {field("title", "Titre", <input type="text" {...inputProps("title")} />)}
      {section.kicker !== null &&
        field(
          "kicker",
          "Rubrique",
          <input type="text" {...inputProps("kicker", true)} />,
          "Imprimée au-dessus du titre et dans le sommaire, par exemple « Le congrès 2026 ».",
        )}
      {textKind === "blocks" &&
        field(
          "text",
          "Texte",
          <textarea rows={16} {...inputProps("text", true)} />,
          "Paragraphes séparés par une ligne vide · **gras** entre deux paires d'astérisques · une ligne commençant par « - » pour une liste · {{identifiant}} pour un chiffre clé calculé.",
        )}
      {textKind === "line" &&
        field(
          "text",
          "Accroche",
          <input type="text" {...inputProps("text", true)} />,
          "Une ligne sous le titre du pilier ; laissez vide pour n'en mettre aucune.",
        )}
      {textKind === "topics" &&
        field(
          "text",
          "Sujets des flash actualités",
          <textarea rows={5} {...inputProps("text", true)} />,
          "Un sujet par ligne, imprimé sous les créneaux « Flash actualités » ; laissez vide pour n'en annoncer aucun.",
        )}
      {textKind === "contacts" &&
        field(
          "text",
          "Contacts",
          <textarea rows={10} {...inputProps("text", true)} />,
          "Une ligne par contact : « Nom | Fonction | e-mail | téléphone » · « Site : adresse » · « Facebook : compte » (de même LinkedIn, Instagram, X).",
        )}
      {signed && (
        <fieldset className="press-kit__signature">
          <legend>Signature</legend>
          <p className="field__hint">Laissez le nom vide pour une section non signée.</p>
          {field("signatureName", "Nom", <input type="text" {...inputProps("signatureName")} />)}
          {field(
            "signatureRole",
            "Fonction",
            <input type="text" {...inputProps("signatureRole")} />,
          )}
        </fieldset>
      )}
      <FormFooter error={footerError} submitting={isSubmitting} onCancel={onDone} />
    </form>
  );
}
