import { useMutation } from "@tanstack/react-query";
import { CancelByCodeInput, SignupOptionsInput } from "@tribune/domain/union";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { searchWithYear, useEdition } from "../../../app/edition";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";
import { PublicError, PublicPage } from "../../../ui/public/PublicPage";
import { PrivacyNotice } from "../components/PrivacyNotice";
import { RegistrationForm } from "../components/RegistrationForm";
import { WorkshopSignup } from "../components/WorkshopSignup";
import "../registration.css";

/** The public answer, the same for every address: the code goes to the address by e-mail. */
interface Receipt {
  firstName: string;
  email: string;
}

/**
 * Public page, no account: register for the congress (the code, its QR code and the link to
 * the attendee's space arrive by e-mail), sign up for workshops with the code, or cancel.
 * The edition the address names (?edition=2027), else the current one; outside its registration
 * window the page says when registration opens or when it closed, instead of the form.
 */
export default function PublicRegistrationPage() {
  const edition = useEdition();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const receiptRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  if (edition.isPending)
    return (
      <PublicPage title="Inscription au congrès" current="inscription">
        <p className="muted public__empty">Chargement…</p>
      </PublicPage>
    );
  if (edition.error || !edition.data)
    return (
      <PublicError
        title="Inscription au congrès"
        message={
          edition.error ? errorMessage(edition.error) : "Aucun congrès ouvert aux inscriptions."
        }
        year={edition.year}
      />
    );
  const e = edition.data;
  const programmeLink = { pathname: "/public/programme", search: searchWithYear("", edition.year) };

  return (
    <PublicPage
      title="Inscription au congrès"
      subtitle={e.theme}
      edition={e}
      year={edition.year}
      current="inscription"
    >
      <div className="public-registration">
        {receipt ? (
          <section
            ref={receiptRef}
            tabIndex={-1}
            className="card receipt"
            aria-labelledby="receipt-title"
          >
            <h2 id="receipt-title">Merci {receipt.firstName}, vérifiez votre boîte de réception</h2>
            <p>
              Un message part vers <strong>{receipt.email}</strong> avec votre code d'inscription,
              son QR code à présenter à l'accueil et le lien vers votre espace : votre place
              confirmée, ou votre position en liste d'attente.
            </p>
            <p className="muted">
              Il peut mettre quelques minutes à arriver ; pensez à regarder dans les courriers
              indésirables. Si cette adresse était déjà inscrite, le message vous redonne votre code
              : rien n'a changé.
            </p>
            <button type="button" className="button" onClick={() => setReceipt(null)}>
              Inscrire une autre personne
            </button>
          </section>
        ) : !e.status.registrationOpen ? (
          <section className="card" aria-labelledby="closed-title">
            <h2 id="closed-title">
              {e.status.state === "finished" || e.status.state === "archived"
                ? "Inscriptions closes"
                : "Inscriptions pas encore ouvertes"}
            </h2>
            <p className="notice notice--warning">{e.status.registrationRefusal}</p>
          </section>
        ) : (
          <section className="card" aria-labelledby="form-title">
            <h2 id="form-title">Vos informations</h2>
            <p className="muted">Tous les champs sont obligatoires sauf mention contraire.</p>
            <PrivacyNotice lastDay={e.lastDay} />
            <RegistrationForm
              editionId={e.id}
              days={{ first: e.firstDay, last: e.lastDay }}
              mode="public"
              onRegistered={setReceipt}
            />
          </section>
        )}

        <WorkshopsByCode />

        <CancelByCode />

        <p className="public-registration__footer">
          <Link to={programmeLink}>Voir le programme</Link>
        </p>
      </div>
    </PublicPage>
  );
}

type CodeFields = { code: string };
const CODE_FIELDS = ["code"] as const;
/** The typed code as the API takes it; the schema normalises it (" k7qm 3xpa " → "K7QM-3XPA"). */
const codeInput = (values: CodeFields) => ({ code: values.code });

/** The workshops, for someone who has their code (from the confirmation e-mail). */
function WorkshopsByCode() {
  const [code, setCode] = useState<string | null>(null);
  // The schema `signup.options` takes: a code refused here is never asked for.
  const form = useForm<CodeFields, unknown, z.output<typeof SignupOptionsInput>>({
    resolver: apiResolver(SignupOptionsInput, codeInput, CODE_FIELDS),
    defaultValues: { code: "" },
  });
  return (
    <details className="card workshops-by-code">
      <summary>M'inscrire aux ateliers avec mon code</summary>
      <form
        noValidate
        onSubmit={form.handleSubmit(
          (values) => setCode(values.code),
          // A wrong code hides the workshops of the previous one.
          () => setCode(null),
        )}
      >
        <Field
          label="Code d'inscription (dans l'e-mail de confirmation)"
          error={form.formState.errors.code?.message}
        >
          {(props) => <input {...props} autoComplete="off" {...form.register("code")} />}
        </Field>
        <button type="submit" className="button">
          Voir les ateliers
        </button>
      </form>
      {code && <WorkshopSignup code={code} />}
    </details>
  );
}

function CancelByCode() {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.registration.cancelByCode.mutationOptions());
  const form = useForm<CodeFields, unknown, z.output<typeof CancelByCodeInput>>({
    resolver: apiResolver(CancelByCodeInput, codeInput, CODE_FIELDS),
    defaultValues: { code: "" },
  });
  return (
    <details className="card cancel-by-code">
      <summary>Annuler mon inscription</summary>
      <form noValidate onSubmit={form.handleSubmit((values) => cancel.mutate(values))}>
        <Field
          label="Code d'inscription"
          error={form.formState.errors.code?.message ?? fieldErrors(cancel.error)?.code?.[0]}
        >
          {(props) => <input {...props} autoComplete="off" {...form.register("code")} />}
        </Field>
        <button type="submit" className="button button--danger" disabled={cancel.isPending}>
          Annuler l'inscription
        </button>
        <div role="status">
          {cancel.isSuccess && (
            <p className="notice notice--ok">
              Inscription {cancel.data.code} annulée. Votre place est proposée à la personne
              suivante en liste d'attente.
            </p>
          )}
        </div>
        {(cancel.error || form.formState.errors.root) && (
          <p role="alert" className="notice notice--error">
            {cancel.error ? errorMessage(cancel.error) : form.formState.errors.root?.message}
          </p>
        )}
      </form>
    </details>
  );
}
