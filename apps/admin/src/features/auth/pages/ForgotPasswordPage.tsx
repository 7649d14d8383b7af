import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { PasswordResetRequest } from "@tribune/domain/auth";
import { ACCOUNT_PAGES } from "@tribune/domain/routes";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";

/**
 * « Mot de passe oublié ? »: asks for an address and always answers the server's same sentence,
 * whether an account has it or not.
 */
export default function ForgotPasswordPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const form = useForm({
    resolver: zodResolver(PasswordResetRequest),
    defaultValues: { email: params.get("adresse") ?? "" },
  });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  return (
    <main className="login">
      <form
        className="card login__card"
        onSubmit={form.handleSubmit((values) => request.mutate(values))}
        noValidate
      >
        <h1>Mot de passe oublié</h1>
        <p className="muted">
          Indiquez l'adresse de votre compte : un lien pour choisir un nouveau mot de passe vous
          sera envoyé.
        </p>
        <Field label="Adresse e-mail" error={form.formState.errors.email?.message}>
          {(props) => (
            <input {...props} type="email" autoComplete="username" {...form.register("email")} />
          )}
        </Field>
        <div role="status">
          {request.data && <p className="notice notice--ok">{request.data.message}</p>}
        </div>
        {request.error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(request.error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={request.isPending}>
          {request.isPending ? "Envoi…" : "Recevoir un lien"}
        </button>
        <p>
          <Link to={ACCOUNT_PAGES.login}>Retour à la connexion</Link>
        </p>
      </form>
    </main>
  );
}
