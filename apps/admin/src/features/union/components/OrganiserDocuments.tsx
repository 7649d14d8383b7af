import { ROUTES } from "@tribune/domain/routes";
import {
  BADGE_FORMAT_LABELS,
  BADGE_FORMATS,
  type BadgeFormat,
  BadgesQuery,
} from "@tribune/domain/union";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { downloadPdf } from "../../../ui/download";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";
import { useSubdivisionOptions } from "../shared";
import "./attendee.css";

type BadgeFields = { format: BadgeFormat; subdivisionId: string; registeredSince: string };
const BADGE_FIELDS = ["format", "subdivisionId", "registeredSince"] as const;

/**
 * The organisers' prints on the registrations page: badges (everyone holding a place, one
 * subdivision, or those registered since a day; A6 or card size) and every checked-in
 * attendee's attendance certificate. Rendered by the server's PDF worker; audited there.
 */
export function OrganiserDocuments({ year }: { year: number }) {
  const subdivisions = useSubdivisionOptions();
  // The query the server reads the badges' address with: what it would refuse is said here.
  const form = useForm<BadgeFields, unknown, z.output<typeof BadgesQuery>>({
    resolver: apiResolver(
      BadgesQuery,
      (values: BadgeFields) => ({
        year,
        format: values.format,
        subdivisionId: values.subdivisionId || undefined,
        registeredSince: values.registeredSince || undefined,
      }),
      BADGE_FIELDS,
    ),
    defaultValues: { format: "a6", subdivisionId: "", registeredSince: "" },
  });
  const { errors } = form.formState;
  const [busy, setBusy] = useState<"badges" | "certificates" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (what: "badges" | "certificates", url: string, fileName: string) => {
    setBusy(what);
    setProblem(null);
    try {
      await downloadPdf(url, fileName);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const badgesUrl = (query: z.output<typeof BadgesQuery>) => {
    const params = new URLSearchParams({ format: query.format });
    if (query.subdivisionId) params.set("subdivision", query.subdivisionId);
    if (query.registeredSince) params.set("depuis", query.registeredSince);
    return `${ROUTES.badgesPdf.url(year)}?${params}`;
  };

  return (
    <details className="card organiser-documents">
      <summary>Badges et attestations de présence</summary>
      <form
        className="organiser-documents__badges"
        noValidate
        onSubmit={form.handleSubmit((query) =>
          run("badges", badgesUrl(query), `badges-${year}.pdf`),
        )}
      >
        <Field label="Format" error={errors.format?.message}>
          {(props) => (
            <select {...props} {...form.register("format")}>
              {BADGE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {BADGE_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Subdivision" error={errors.subdivisionId?.message}>
          {(props) => (
            <select {...props} {...form.register("subdivisionId")}>
              <option value="">Toutes</option>
              {(subdivisions.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Inscrit·es depuis le (facultatif)" error={errors.registeredSince?.message}>
          {(props) => <input {...props} type="date" {...form.register("registeredSince")} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === "badges" ? "Préparation des badges…" : "Imprimer les badges (PDF)"}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() =>
            void run(
              "certificates",
              ROUTES.certificatesPdf.url(year),
              `attestations-de-presence-${year}.pdf`,
            )
          }
        >
          {busy === "certificates"
            ? "Préparation des attestations…"
            : "Télécharger toutes les attestations de présence (PDF)"}
        </button>
      </p>
      {(problem || errors.root) && (
        <p role="alert" className="notice notice--error">
          {problem ?? errors.root?.message}
        </p>
      )}
    </details>
  );
}
