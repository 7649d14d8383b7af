import { useQuery } from "@tanstack/react-query";
import {
  type Speaker,
  SpeakerInput,
  SpeakerUpdate,
  type TimeWindow,
} from "@tribune/domain/congress";
import { formatCongressDay, formatCongressSlot } from "@tribune/domain/format";
import {
  daysBetween,
  IsoDate,
  instantFromLocal,
  LocalTime,
  localDay,
  localTime,
} from "@tribune/domain/kernel";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { useEdition } from "../../../app/edition";
import { useTRPC } from "../../../app/trpc";
import { CatalogDelete } from "../../../ui/catalog/CatalogDelete";
import { CatalogEditor, CatalogForm } from "../../../ui/catalog/CatalogEditor";
import { CatalogLayout, QueryState } from "../../../ui/catalog/CatalogLayout";
import { CatalogRow, CatalogTable } from "../../../ui/catalog/CatalogTable";
import { useCatalog } from "../../../ui/catalog/useCatalog";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";

const spansDays = (w: Pick<TimeWindow, "startsAt" | "endsAt">) =>
  localDay(w.startsAt) !== localDay(w.endsAt);

/** "jeudi 22 janvier, 14:00–16:00", in Paris time. */
export const describeWindow = (w: Pick<TimeWindow, "startsAt" | "endsAt">): string =>
  formatCongressSlot(w.startsAt, w.endsAt);

export default function SpeakersPage() {
  const trpc = useTRPC();
  const edition = useEdition();
  const speakers = useQuery(trpc.speaker.list.queryOptions());
  const catalog = useCatalog({
    area: "speaker",
    create: trpc.speaker.create.mutationOptions(),
    update: trpc.speaker.update.mutationOptions(),
    delete: trpc.speaker.delete.mutationOptions(),
  });
  const editionDays = edition.data ? daysBetween(edition.data.firstDay, edition.data.lastDay) : [];
  const sorted =
    speakers.data && [...speakers.data].sort((a, b) => a.name.localeCompare(b.name, "fr"));

  return (
    <CatalogLayout
      title="Intervenant·es"
      intro="Les personnes qui interviennent dans les sessions, et les créneaux où elles ne sont pas disponibles (heure de Paris)."
      addLabel="Ajouter un·e intervenant·e"
      onAdd={catalog.startNew}
      status={catalog.status}
      editor={
        catalog.editing && (
          <CatalogEditor
            catalog={catalog}
            newTitle="Nouvel·le intervenant·e"
            savedMessage={(speaker, created) =>
              created ? `Fiche de ${speaker.name} créée.` : `Fiche de ${speaker.name} enregistrée.`
            }
          >
            {(speaker, done) => (
              <SpeakerForm
                speaker={speaker}
                editionDays={editionDays}
                save={catalog.save}
                {...done}
              />
            )}
          </CatalogEditor>
        )
      }
    >
      <QueryState
        query={{ ...speakers, data: sorted }}
        empty="Aucun·e intervenant·e pour l'instant. Ajoutez-en avec « Ajouter un·e intervenant·e » ci-dessus."
      >
        {(list) => (
          <CatalogTable
            caption="Intervenant·es"
            columns={
              <>
                <th scope="col">Nom</th>
                <th scope="col">Affiliation</th>
                <th scope="col">Indisponibilités</th>
              </>
            }
          >
            {list.map((speaker) => (
              <CatalogRow key={speaker.id} item={speaker} catalog={catalog}>
                <th scope="row">{speaker.name}</th>
                <td>{speaker.affiliation || <span className="muted">—</span>}</td>
                <td>
                  {speaker.unavailable.length === 0 ? (
                    <span className="muted">aucune</span>
                  ) : (
                    <ul className="audit__changes">
                      {speaker.unavailable.map((w) => (
                        <li key={`${w.startsAt}-${w.endsAt}`}>
                          {describeWindow(w)}
                          {w.reason && <span className="muted"> ({w.reason})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </CatalogRow>
            ))}
          </CatalogTable>
        )}
      </QueryState>
      <CatalogDelete
        catalog={catalog}
        title={(speaker) => `Supprimer la fiche de ${speaker.name} ?`}
        deletedMessage={(speaker, result) =>
          `Fiche de ${speaker.name} supprimée.${
            result.detachedSessions > 0
              ? ` Retiré·e de ${result.detachedSessions} session${result.detachedSessions > 1 ? "s" : ""}.`
              : ""
          }`
        }
      />
    </CatalogLayout>
  );
}

interface WindowFields {
  day: string;
  start: string;
  end: string;
  reason: string;
  /** A window over several days (set through the API) is kept as is; only its reason is edited. */
  span: { startsAt: string; endsAt: string } | null;
}
interface SpeakerFields {
  name: string;
  affiliation: string;
  bio: string;
  unavailable: WindowFields[];
}
const FIELDS = ["name", "affiliation", "bio", "unavailable"] as const;
type SpeakerPatch = z.infer<typeof SpeakerUpdate>;

/**
 * A window as typed: the local day and wall-clock times are checked first, so that a half-typed
 * time never reaches instantFromLocal. A window kept as is (`span`) has no times to check.
 */
const LocalWindow = z
  .object({
    day: IsoDate,
    start: z.string(),
    end: z.string(),
    reason: z.string(),
    span: z.object({ startsAt: z.string(), endsAt: z.string() }).nullable(),
  })
  .superRefine((w, ctx) => {
    if (w.span) return;
    for (const key of ["start", "end"] as const) {
      const checked = LocalTime.safeParse(w[key]);
      if (!checked.success) {
        const message = w[key] === "" ? "Indiquez une heure." : checked.error.issues[0]?.message;
        ctx.addIssue({ code: "custom", path: [key], message: message ?? "Heure invalide." });
      }
    }
  });

const LocalSpeaker = z.object({
  name: SpeakerInput.shape.name,
  affiliation: SpeakerInput.shape.affiliation,
  bio: SpeakerInput.shape.bio,
  unavailable: z.array(LocalWindow),
});

/** The form's values in the API's shape: instants computed from Paris wall time. */
const toWire = (values: z.output<typeof LocalSpeaker>, id: string | null) => ({
  ...(id ? { id } : {}),
  ...values,
  unavailable: values.unavailable.map((w) => ({
    startsAt: w.span?.startsAt ?? instantFromLocal(w.day, w.start),
    endsAt: w.span?.endsAt ?? instantFromLocal(w.day, w.end),
    reason: w.reason,
  })),
});

/** The speaker form, checked field by field, then turned into the API's input and checked again. */
function speakerSchema<Output>(api: z.ZodType<Output>, id: string | null) {
  // `api` (SpeakerInput or SpeakerUpdate) accepts what toWire produces; zod cannot see it.
  return LocalSpeaker.transform((values) => toWire(values, id)).pipe(
    api as unknown as z.ZodType<Output, ReturnType<typeof toWire>>,
  );
}

/** Errors on a window's instants belong to its time inputs. */
const renameWindowField = (path: string) =>
  path.replace(/\.startsAt$/, ".start").replace(/\.endsAt$/, ".end");

const toFields = (w: TimeWindow): WindowFields =>
  spansDays(w)
    ? { day: localDay(w.startsAt), start: "", end: "", reason: w.reason, span: w }
    : {
        day: localDay(w.startsAt),
        start: localTime(w.startsAt),
        end: localTime(w.endsAt),
        reason: w.reason,
        span: null,
      };

function SpeakerForm({
  speaker,
  editionDays,
  save,
  onSaved,
  onCancel,
}: {
  speaker: Speaker | null;
  editionDays: string[];
  save: (values: SpeakerInput | SpeakerPatch) => Promise<Speaker>;
  onSaved: (speaker: Speaker) => void;
  onCancel: () => void;
}) {
  const form = useForm<SpeakerFields, unknown, SpeakerInput | SpeakerPatch>({
    resolver: apiResolver<SpeakerFields, SpeakerInput | SpeakerPatch>(
      speaker ? speakerSchema(SpeakerUpdate, speaker.id) : speakerSchema(SpeakerInput, null),
      (values) => values,
      FIELDS,
      renameWindowField,
    ),
    defaultValues: {
      name: speaker?.name ?? "",
      affiliation: speaker?.affiliation ?? "",
      bio: speaker?.bio ?? "",
      unavailable: speaker?.unavailable.map(toFields) ?? [],
    },
  });
  const windows = useFieldArray({ control: form.control, name: "unavailable" });
  const { errors } = form.formState;
  const days = [
    ...new Set([...editionDays, ...(speaker?.unavailable ?? []).map((w) => localDay(w.startsAt))]),
  ].sort();

  return (
    <CatalogForm
      form={form}
      fields={FIELDS}
      rename={renameWindowField}
      save={save}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <Field label="Nom" error={errors.name?.message}>
        {(props) => <input {...props} type="text" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field
        label="Affiliation"
        hint="Établissement, service ou organisation."
        error={errors.affiliation?.message}
      >
        {(props) => (
          <input {...props} type="text" autoComplete="off" {...form.register("affiliation")} />
        )}
      </Field>
      <Field label="Biographie" error={errors.bio?.message}>
        {(props) => <textarea {...props} rows={4} {...form.register("bio")} />}
      </Field>

      <fieldset className="field">
        <legend>Indisponibilités</legend>
        <p className="field__hint">Heure de Paris. Aucune ligne : disponible tout le congrès.</p>
        {windows.fields.map((item, index) => {
          const rowErrors = errors.unavailable?.[index];
          const span = form.getValues(`unavailable.${index}.span`);
          return (
            <fieldset key={item.id} className="window">
              <legend>Indisponibilité {index + 1}</legend>
              {span ? (
                <p>{describeWindow(span)}</p>
              ) : (
                <div className="window__grid">
                  <Field label="Jour" error={rowErrors?.day?.message}>
                    {(props) => (
                      <select {...props} {...form.register(`unavailable.${index}.day`)}>
                        {days.map((day) => (
                          <option key={day} value={day}>
                            {formatCongressDay(day)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label="De" error={rowErrors?.start?.message}>
                    {(props) => (
                      <input
                        {...props}
                        type="time"
                        step={300}
                        {...form.register(`unavailable.${index}.start`)}
                      />
                    )}
                  </Field>
                  <Field label="À" error={rowErrors?.end?.message}>
                    {(props) => (
                      <input
                        {...props}
                        type="time"
                        step={300}
                        {...form.register(`unavailable.${index}.end`)}
                      />
                    )}
                  </Field>
                </div>
              )}
              <div className="window__footer">
                <Field label="Motif (facultatif)" error={rowErrors?.reason?.message}>
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      autoComplete="off"
                      {...form.register(`unavailable.${index}.reason`)}
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="button button--small button--ghost-danger"
                  onClick={() => windows.remove(index)}
                >
                  Retirer<span className="visually-hidden"> l'indisponibilité {index + 1}</span>
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            windows.append(
              { day: days[0] ?? "", start: "", end: "", reason: "", span: null },
              { focusName: `unavailable.${windows.fields.length}.start` },
            )
          }
        >
          Ajouter une indisponibilité
        </button>
      </fieldset>
    </CatalogForm>
  );
}
