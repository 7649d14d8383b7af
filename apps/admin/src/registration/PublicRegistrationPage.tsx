import { useMutation } from "@tanstack/react-query";
import { normaliseRegistrationCode } from "@tribune/domain";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { searchWithYear, useEdition } from "../edition";
import { PublicError, PublicPage } from "../public/PublicPage";
import { errorMessage, useTRPC } from "../trpc";
import { PrivacyNotice } from "./PrivacyNotice";
import { QrCode } from "./QrCode";
import { RegistrationForm } from "./RegistrationForm";
import { WorkshopSignup } from "./WorkshopSignup";
import "./registration.css";

interface Receipt {
  code: string;
  status: string;
  waitlistPosition: number | null;
  firstName: string;
}

/**
 * Public page, no account: register for the congress, get the code (text and QR), or cancel.
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
            <h2 id="receipt-title">
              {receipt.status === "waitlisted"
                ? `Merci ${receipt.firstName}, vous êtes en liste d'attente`
                : `Merci ${receipt.firstName}, votre inscription est confirmée`}
            </h2>
            {receipt.status === "waitlisted" && (
              <p className="notice notice--warning">
                Le congrès est complet. Vous êtes en position {receipt.waitlistPosition} : une place
                vous sera attribuée automatiquement dès qu'une personne annule.
              </p>
            )}
            <p>Votre code d'inscription, à présenter à l'accueil :</p>
            <p className="receipt__code">
              <span aria-hidden="true">{receipt.code}</span>
              {/* Read letter by letter, as it will be spelled out at the desk. */}
              <span className="visually-hidden">{receipt.code.split("").join(" ")}</span>
            </p>
            <QrCode value={receipt.code} />
            <p className="muted">
              Conservez ce code (capture d'écran) : il sert aussi à annuler votre inscription.
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

        {receipt?.status === "registered" && <WorkshopSignup code={receipt.code} />}

        <CancelByCode />

        <p className="public-registration__footer">
          <Link to={programmeLink}>Voir le programme</Link>
        </p>
      </div>
    </PublicPage>
  );
}

function CancelByCode() {
  const trpc = useTRPC();
  const id = useId();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useMutation(trpc.registration.cancelByCode.mutationOptions());
  return (
    <details className="card cancel-by-code">
      <summary>Annuler mon inscription</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const normalised = normaliseRegistrationCode(code);
          if (!normalised) {
            setProblem("Code d'inscription invalide (8 caractères, par exemple K7QM-3XPA).");
            return;
          }
          setProblem(null);
          cancel.mutate({ code: normalised });
        }}
      >
        <div className="field">
          <label htmlFor={id}>Code d'inscription</label>
          <input
            id={id}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            aria-invalid={!!problem}
            aria-describedby={problem ? `${id}-error` : undefined}
          />
          {problem && (
            <p id={`${id}-error`} className="field__error" role="alert">
              {problem}
            </p>
          )}
        </div>
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
        {cancel.error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(cancel.error)}
          </p>
        )}
      </form>
    </details>
  );
}
