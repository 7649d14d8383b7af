import {
  type Edition,
  type Partner,
  type Room,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type Session,
  type SessionInput,
  type Speaker,
  THEME_LABELS,
  THEMES,
  type Theme,
} from "@tribune/domain/congress";
import { formatCongressDay } from "@tribune/domain/format";
import { daysBetween } from "@tribune/domain/kernel";
import { useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { errorMessage, fieldErrors } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { useDeleteSession, useSaveSession } from "../hooks/useSessionMutations";
import { formFieldOf, type SessionFormValues, sessionResolver } from "../sessionForm";
import { CheckboxGroup } from "./CheckboxGroup";

export type SaveOutcome =
  | { kind: "saved"; session: Session; conflicts: { message: string }[]; created: boolean }
  | { kind: "deleted"; title: string };

interface Props {
  edition: Edition;
  rooms: Room[];
  speakers: Speaker[];
  partners: Partner[];
  /** The session edited; null to create one. */
  session: Session | null;
  initial: SessionFormValues;
  readOnly: boolean;
  onDone(outcome: SaveOutcome): void;
  onCancel(): void;
}

const KIND_OPTIONS = SESSION_KINDS.map((kind) => ({ kind, label: SESSION_KIND_LABELS[kind] }));
/** 24-hour "HH:MM" text, whatever the browser's locale (a time input would show AM/PM in some). */
const TIME_INPUT = {
  type: "text",
  inputMode: "numeric",
  autoComplete: "off",
  maxLength: 5,
  pattern: "[0-2][0-9]:[0-5][0-9]",
} as const;
const THEME_OPTIONS = THEMES.map((value) => ({ value, label: THEME_LABELS[value] }));

export function SessionForm(props: Props) {
  const { edition, rooms, speakers, partners, session, initial, readOnly } = props;
  const form = useForm<SessionFormValues, unknown, SessionInput>({
    resolver: sessionResolver,
    defaultValues: initial,
  });
  const { register, control, formState, watch } = form;
  const errors = formState.errors;
  const { create, update } = useSaveSession(edition.id);
  const remove = useDeleteSession(edition.id);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error ?? remove.error;

  const days = daysBetween(edition.firstDay, edition.lastDay);
  if (!days.includes(initial.day)) days.push(initial.day);
  const day = watch("day");
  const chosenRooms = watch("roomIds");
  const roomOptions = rooms
    .filter((r) => r.days.length === 0 || r.days.includes(day) || chosenRooms.includes(r.id))
    .sort((a, b) => a.order - b.order)
    .map((r) => ({ value: r.id, label: r.capacity ? `${r.name} (${r.capacity} places)` : r.name }));

  const showServerErrors = (error: unknown) => {
    for (const [path, messages] of Object.entries(fieldErrors(error) ?? {})) {
      if (messages[0]) form.setError(formFieldOf(path), { type: "server", message: messages[0] });
    }
  };

  const onSubmit = form.handleSubmit((input) => {
    const done = (result: { session: Session; conflicts: { message: string }[] }) =>
      props.onDone({ kind: "saved", ...result, created: !session });
    if (session) {
      const { editionId: _edition, ...patch } = input;
      update.mutate({ id: session.id, ...patch }, { onSuccess: done, onError: showServerErrors });
    } else {
      create.mutate(input, { onSuccess: done, onError: showServerErrors });
    }
  });

  const onDelete = () => {
    if (!session) return;
    remove.mutate(
      { id: session.id },
      { onSuccess: () => props.onDone({ kind: "deleted", title: session.title }) },
    );
  };

  return (
    <form className="session-form" onSubmit={onSubmit} noValidate>
      <fieldset className="session-form__fields" disabled={readOnly}>
        <legend className="visually-hidden">Fiche de la session</legend>
        <Field label="Type" error={errors.kind?.message}>
          {(p) => (
            <select {...p} {...register("kind")} data-autofocus>
              {KIND_OPTIONS.map((o) => (
                <option key={o.kind} value={o.kind}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Titre" error={errors.title?.message}>
          {(p) => <input {...p} {...register("title")} />}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(p) => <textarea {...p} rows={3} {...register("description")} />}
        </Field>

        <div className="session-form__when">
          <Field label="Jour" error={errors.day?.message}>
            {(p) => (
              <select {...p} {...register("day")}>
                {days.map((d) => (
                  <option key={d} value={d}>
                    {formatCongressDay(d)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Début" error={errors.start?.message}>
            {(p) => <input {...p} {...TIME_INPUT} placeholder="09:00" {...register("start")} />}
          </Field>
          <Field label="Fin" error={errors.end?.message}>
            {(p) => <input {...p} {...TIME_INPUT} placeholder="10:00" {...register("end")} />}
          </Field>
        </div>
        <p className="field__hint session-form__tz">Heure de Paris, sur 24 heures (HH:MM).</p>

        <label className="checkbox session-form__venue">
          <input type="checkbox" {...register("wholeVenue")} />
          Tout le lieu (rien d'autre ne peut avoir lieu en même temps)
        </label>
        <Controller
          control={control}
          name="roomIds"
          render={({ field }) => (
            <CheckboxGroup
              legend="Salles"
              hint="Pour une session sur tout le lieu, cochez la salle où elle se tient, s'il y en a une."
              options={roomOptions}
              value={field.value}
              onChange={field.onChange}
              error={errors.roomIds?.message}
              empty="Aucune salle ouverte ce jour-là : ajoutez-en ou ouvrez-en une ce jour sur la page Salles."
            />
          )}
        />
        <Controller
          control={control}
          name="speakerIds"
          render={({ field }) => (
            <CheckboxGroup
              legend="Intervenant·es"
              options={speakers.map((s) => ({
                value: s.id,
                label: s.affiliation ? `${s.name} (${s.affiliation})` : s.name,
              }))}
              value={field.value}
              onChange={field.onChange}
              error={errors.speakerIds?.message}
              empty="Aucun·e intervenant·e enregistré·e : ajoutez-en sur la page Intervenant·es."
            />
          )}
        />
        <Controller
          control={control}
          name="themes"
          render={({ field }) => (
            <CheckboxGroup<Theme>
              legend="Thèmes"
              options={THEME_OPTIONS}
              value={field.value}
              onChange={field.onChange}
              error={errors.themes?.message}
            />
          )}
        />
        <Field label="Partenaire" error={errors.partnerId?.message}>
          {(p) => (
            <select {...p} {...register("partnerId")}>
              <option value="">Aucun</option>
              {partners.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Capacité"
          hint="Laisser vide pour reprendre la capacité de la salle."
          error={errors.capacity?.message}
        >
          {(p) => <input {...p} type="number" min={1} step={1} {...register("capacity")} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...register("published")} />
          Publiée (visible sur le programme public)
        </label>
      </fieldset>

      {failure && (
        <p role="alert" className="notice notice--error">
          {errorMessage(failure)}
        </p>
      )}

      {!readOnly && (
        <div className="session-form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? "Enregistrement…" : "Enregistrer"}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            Annuler
          </button>
          {session && (
            <button
              ref={deleteButton}
              type="button"
              className="button button--danger session-form__delete"
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              Supprimer…
            </button>
          )}
        </div>
      )}
      {session && confirming && (
        <div
          className="notice notice--error session-form__confirm"
          role="alertdialog"
          aria-labelledby="confirm-delete"
        >
          <p id="confirm-delete">
            Supprimer définitivement « {session.title} » ? Cette action ne peut pas être annulée.
          </p>
          <div className="session-form__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={onDelete}
              disabled={remove.isPending}
              // biome-ignore lint/a11y/noAutofocus: the confirmation takes the focus it asks for
              autoFocus
            >
              {remove.isPending ? "Suppression…" : "Oui, supprimer"}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              Non, garder la session
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
