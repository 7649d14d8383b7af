import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDateTime } from "@tribune/domain/format";
import { ROUTES } from "@tribune/domain/routes";
import {
  AttendeeOpenInput,
  type AttendeeSpace,
  AttendeeUpdateInput,
  REGISTRATION_STATUS_LABELS,
  YEAR_OF_TRAINING_LABELS,
} from "@tribune/domain/union";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";
import { PublicPage } from "../../../ui/public/PublicPage";
import { QrCode } from "../../../ui/QrCode";
import { YearOfTrainingField } from "../components/PersonFields";
import { WorkshopSignup } from "../components/WorkshopSignup";
import { useSubdivisionOptions } from "../shared";
import "../registration.css";
import "../components/attendee.css";

const TITLE = "Mon inscription";
/** The token travels in the address (`?jeton=`): the link of every message, or the code's. */
const TOKEN_PARAM = "jeton";

/**
 * The attendee's space (`/public/mon-inscription`): opened by the signed link of every message,
 * or by the registration code and the address it was made with. Status and waitlist position,
 * options (until arrival), workshops, cancellation (confirmed), the badge and, once arrived,
 * the attendance certificate.
 */
export default function AttendeeSpacePage() {
  const [params, setParams] = useSearchParams();
  const token = params.get(TOKEN_PARAM);
  if (!token)
    return (
      <OpenByCode
        onOpened={(space) => setParams({ [TOKEN_PARAM]: space.token }, { replace: true })}
      />
    );
  return <Space token={token} onClosed={() => setParams({}, { replace: true })} />;
}

type OpenFields = { code: string; email: string };
const OPEN_FIELDS = ["code", "email"] as const;

function OpenByCode({ onOpened }: { onOpened: (space: AttendeeSpace) => void }) {
  const trpc = useTRPC();
  const open = useMutation(trpc.attendee.open.mutationOptions({ onSuccess: onOpened }));
  const form = useForm<OpenFields, unknown, z.output<typeof AttendeeOpenInput>>({
    resolver: apiResolver(AttendeeOpenInput, (values) => values, OPEN_FIELDS),
    defaultValues: { code: "", email: "" },
  });
  const { errors } = form.formState;
  const serverErrors = fieldErrors(open.error);
  return (
    <PublicPage title={TITLE}>
      <section className="card attendee-open" aria-labelledby="open-title">
        <h2 id="open-title">Retrouver mon inscription</h2>
        <p className="muted">
          Le lien « Mon inscription » de chacun de nos messages ouvre directement cet espace. Sans
          lui, saisissez votre code d'inscription et l'adresse e-mail utilisée pour vous inscrire.
        </p>
        <form
          noValidate
          // Checked here with the API's schema, but sent as typed: the server normalises the
          // code and the address itself, with the same schema.
          onSubmit={form.handleSubmit(() => open.mutate(form.getValues()))}
        >
          <Field
            label="Code d'inscription"
            hint="8 caractères, par exemple K7QM-3XPA"
            error={errors.code?.message ?? serverErrors?.code?.[0]}
          >
            {(props) => <input {...props} autoComplete="off" {...form.register("code")} />}
          </Field>
          <Field label="Adresse e-mail" error={errors.email?.message ?? serverErrors?.email?.[0]}>
            {(props) => (
              <input {...props} type="email" autoComplete="email" {...form.register("email")} />
            )}
          </Field>
          {open.error && (
            <p role="alert" className="notice notice--error">
              {errorMessage(open.error)}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={open.isPending}>
            {open.isPending ? "Ouverture…" : "Ouvrir mon espace"}
          </button>
        </form>
      </section>
      <p className="public-registration__footer">
        Pas encore inscrit·e ? <Link to="/public/inscription">S'inscrire au congrès</Link>
      </p>
    </PublicPage>
  );
}

function Space({ token, onClosed }: { token: string; onClosed: () => void }) {
  const trpc = useTRPC();
  const space = useQuery(trpc.attendee.get.queryOptions({ token }, { retry: false }));
  if (space.isPending)
    return (
      <PublicPage title={TITLE}>
        <p className="muted public__empty">Chargement…</p>
      </PublicPage>
    );
  if (space.error || !space.data)
    return (
      <PublicPage title={TITLE}>
        <section className="card" aria-labelledby="link-problem">
          <h2 id="link-problem">Impossible d'ouvrir votre espace</h2>
          <p role="alert" className="notice notice--error">
            {space.error ? errorMessage(space.error) : "Lien invalide."}
          </p>
          <button type="button" className="button" onClick={onClosed}>
            Ouvrir avec mon code et mon adresse
          </button>
        </section>
      </PublicPage>
    );
  const s = space.data;
  const r = s.registration;
  return (
    <PublicPage title={TITLE} subtitle={`${r.firstName} ${r.lastName}`} edition={s.edition}>
      <div className="attendee-space">
        <Status space={s} />
        {s.notice && <p className="notice notice--warning">{s.notice}</p>}
        {s.may.edit && <OptionsForm space={s} />}
        {s.may.signUp && <WorkshopSignup code={r.code} />}
        {r.status === "registered" && <MyCalendar token={s.calendarToken} />}
        <Documents space={s} />
        {s.may.cancel && <CancelRegistration token={s.token} />}
      </div>
    </PublicPage>
  );
}

function Status({ space }: { space: AttendeeSpace }) {
  const r = space.registration;
  return (
    <section className="card attendee-status" aria-labelledby="status-title">
      <h2 id="status-title">Votre inscription</h2>
      <p>
        <span className={`badge badge--${r.status}`}>{REGISTRATION_STATUS_LABELS[r.status]}</span>
        {r.status === "waitlisted" && (
          <strong> Position {r.waitlistPosition} sur la liste d'attente</strong>
        )}
      </p>
      {r.status === "waitlisted" && (
        <p className="muted">
          Dès qu'une place se libère, elle vous est attribuée dans l'ordre d'arrivée et vous recevez
          un message.
        </p>
      )}
      {r.checkedInAt && <p>Arrivée enregistrée le {formatDateTime(r.checkedInAt)}.</p>}
      {r.status !== "cancelled" && (
        <div className="attendee-status__code">
          <QrCode value={r.code} size={160} />
          <p>
            Code d'inscription
            <br />
            <strong className="receipt__code">{r.code}</strong>
          </p>
        </div>
      )}
      <dl className="attendee-status__details">
        <dt>Adresse</dt>
        <dd>{r.email}</dd>
        <dt>Subdivision</dt>
        <dd>{r.subdivisionName}</dd>
        <dt>Année de DES</dt>
        <dd>{r.yearOfTraining ? YEAR_OF_TRAINING_LABELS[r.yearOfTraining] : "—"}</dd>
        <dt>Repas du midi</dt>
        <dd>{r.meals ? "Oui" : "Non"}</dd>
        <dt>Soirée de gala</dt>
        <dd>{r.gala ? "Oui" : "Non"}</dd>
      </dl>
    </section>
  );
}

type OptionFields = {
  subdivisionId: string;
  yearOfTraining: string;
  meals: boolean;
  gala: boolean;
};
const OPTION_FIELDS = ["subdivisionId", "yearOfTraining", "meals", "gala"] as const;

function OptionsForm({ space }: { space: AttendeeSpace }) {
  // The subdivision list first: a select without its options would forget the value it was given.
  const subdivisions = useSubdivisionOptions();
  return (
    <section className="card" aria-labelledby="options-title">
      <h2 id="options-title">Modifier mes options</h2>
      {subdivisions.data ? (
        <OptionsFields space={space} subdivisions={subdivisions.data} />
      ) : (
        <p className="muted">Chargement…</p>
      )}
    </section>
  );
}

function OptionsFields({
  space,
  subdivisions,
}: {
  space: AttendeeSpace;
  subdivisions: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const r = space.registration;
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.attendee.update.mutationOptions({
      onSuccess: (next) => {
        setSaved(true);
        queryClient.setQueryData(trpc.attendee.get.queryKey({ token: space.token }), next);
      },
    }),
  );
  const toInput = (values: OptionFields) => ({
    token: space.token,
    subdivisionId: values.subdivisionId,
    yearOfTraining: values.yearOfTraining ? Number(values.yearOfTraining) : null,
    meals: values.meals,
    gala: values.gala,
  });
  const form = useForm<OptionFields, unknown, z.output<typeof AttendeeUpdateInput>>({
    resolver: apiResolver(AttendeeUpdateInput, toInput, OPTION_FIELDS),
    defaultValues: {
      subdivisionId: r.subdivisionId,
      yearOfTraining: r.yearOfTraining ? String(r.yearOfTraining) : "",
      meals: r.meals,
      gala: r.gala,
    },
  });
  // « enregistrées » speaks of what the form shows: any change takes it back.
  useEffect(() => {
    const subscription = form.watch(() => setSaved(false));
    return () => subscription.unsubscribe();
  }, [form]);
  const { errors } = form.formState;
  const serverErrors = fieldErrors(update.error);
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => update.mutate(values))}>
      <div className="registration-form__row">
        <Field
          label="Subdivision"
          error={errors.subdivisionId?.message ?? serverErrors?.subdivisionId?.[0]}
        >
          {(props) => (
            <select {...props} {...form.register("subdivisionId")}>
              {subdivisions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <YearOfTrainingField
          registered={form.register("yearOfTraining")}
          error={errors.yearOfTraining?.message ?? serverErrors?.yearOfTraining?.[0]}
          optional
        />
      </div>
      <fieldset className="registration-form__options">
        <legend>Options</legend>
        <label>
          <input type="checkbox" {...form.register("meals")} /> Repas du midi
        </label>
        <label>
          <input type="checkbox" {...form.register("gala")} /> Soirée de gala
        </label>
      </fieldset>
      {(update.error || errors.root) && (
        <p role="alert" className="notice notice--error">
          {update.error ? errorMessage(update.error) : errors.root?.message}
        </p>
      )}
      <div role="status">
        {saved && <p className="notice notice--ok">Vos options sont enregistrées.</p>}
      </div>
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? "Enregistrement…" : "Enregistrer mes options"}
      </button>
    </form>
  );
}

/**
 * The attendee's own programme in their calendar app: a subscription (webcal://) that follows
 * changes — the common sessions and the workshops where they hold a place.
 */
function MyCalendar({ token }: { token: string }) {
  const feed = new URL(ROUTES.attendeeCalendarIcs, window.location.origin);
  feed.searchParams.set(TOKEN_PARAM, token);
  const webcal = feed.toString().replace(/^https?:/, "webcal:");
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Mon programme dans mon agenda</h2>
      <p className="muted">
        Les sessions communes et les ateliers où vous avez une place confirmée ; l'agenda suit les
        changements du programme et de vos inscriptions.
      </p>
      <p>
        <a className="button" href={webcal}>
          Ajouter à mon agenda
        </a>{" "}
        <a href={feed.toString()}>Télécharger le fichier .ics</a>
      </p>
    </section>
  );
}

function Documents({ space }: { space: AttendeeSpace }) {
  const { may, token } = space;
  if (!may.badge && !may.certificate) return null;
  const withToken = (path: string) => `${path}?${new URLSearchParams({ [TOKEN_PARAM]: token })}`;
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">Mes documents</h2>
      <ul className="attendee-documents">
        {may.badge && (
          <li>
            <a className="button" href={withToken(ROUTES.attendeeBadgePdf)} download>
              Télécharger mon badge (PDF)
            </a>
          </li>
        )}
        {may.certificate ? (
          <li>
            <a className="button" href={withToken(ROUTES.attendeeCertificatePdf)} download>
              Télécharger mon attestation de présence (PDF)
            </a>
          </li>
        ) : (
          <li className="muted">
            L'attestation de présence sera disponible ici une fois votre arrivée enregistrée à
            l'accueil du congrès.
          </li>
        )}
      </ul>
    </section>
  );
}

function CancelRegistration({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const cancel = useMutation(
    trpc.attendee.cancel.mutationOptions({
      onSuccess: (next) => {
        setConfirming(false);
        queryClient.setQueryData(trpc.attendee.get.queryKey({ token }), next);
        return queryClient.invalidateQueries({ queryKey: trpc.signup.pathKey() });
      },
    }),
  );
  return (
    <section className="card attendee-cancel" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Annuler mon inscription</h2>
      <p className="muted">
        Votre place et vos places aux ateliers iront aux personnes en liste d'attente.
      </p>
      {confirming ? (
        <fieldset className="attendee-cancel__confirm">
          <legend className="visually-hidden">Confirmer l'annulation</legend>
          <p>
            <strong>Annuler définitivement votre inscription ?</strong>
          </p>
          <button
            ref={confirmRef}
            type="button"
            className="button button--danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ token, confirm: true })}
          >
            Oui, annuler mon inscription
          </button>{" "}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Non, la garder
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button button--ghost-danger"
          onClick={() => setConfirming(true)}
        >
          Annuler mon inscription…
        </button>
      )}
      {cancel.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(cancel.error)}
        </p>
      )}
    </section>
  );
}
