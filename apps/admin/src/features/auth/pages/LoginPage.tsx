import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoginInput } from "@tribune/domain/auth";
import { ACCOUNT_PAGES } from "@tribune/domain/routes";
import { useForm } from "react-hook-form";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { useMe } from "../hooks/useMe";
import { safeReturnPath } from "../returnPath";

export function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get("retour"));
  const me = useMe();
  const form = useForm({
    resolver: zodResolver(LoginInput),
    defaultValues: { email: "", password: "" },
  });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (signedIn) => {
        // Whatever was cached was read anonymously (among it a "nobody" answer to auth.me that
        // would send the home page straight back here): drop it all, and know who signed in.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), signedIn);
        navigate(returnTo, { replace: true });
      },
    }),
  );

  // Someone already signed in (a second tab, the back button) has nothing to do here.
  if (me.data && !login.isPending) return <Navigate to={returnTo} replace />;

  return (
    <main className="login">
      <form
        className="card login__card"
        onSubmit={form.handleSubmit((values) => login.mutate(values))}
        noValidate
      >
        <h1>Tribune</h1>
        <p className="muted">Connectez-vous pour gérer le congrès.</p>
        <Field label="Adresse e-mail" error={form.formState.errors.email?.message}>
          {(props) => (
            <input {...props} type="email" autoComplete="username" {...form.register("email")} />
          )}
        </Field>
        <Field label="Mot de passe" error={form.formState.errors.password?.message}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              {...form.register("password")}
            />
          )}
        </Field>
        {login.error && (
          <p role="alert" className="notice notice--error">
            {errorMessage(login.error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          {login.isPending ? "Connexion…" : "Se connecter"}
        </button>
        <p>
          <Link to={ACCOUNT_PAGES.forgotPassword}>Mot de passe oublié ?</Link>
        </p>
      </form>
    </main>
  );
}
