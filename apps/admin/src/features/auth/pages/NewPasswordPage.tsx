import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PASSWORD_MIN_LENGTH, Password } from "@tribune/domain/auth";
import { ACCOUNT_PAGES } from "@tribune/domain/routes";
import { useForm } from "react-hook-form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { errorMessage, fieldErrors, useTRPC } from "../../../app/trpc";
import { Field } from "../../../ui/Field";
import { PasswordMeter } from "../components/PasswordMeter";

/** The password typed twice: the second must match the first. */
const ChoosePassword = z
  .object({ password: Password, confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, {
    path: ["confirmation"],
    error: "Les deux mots de passe ne sont pas identiques.",
  });

const WORDING = {
  password_reset: {
    title: "Nouveau mot de passe",
    intro: "Choisissez un nouveau mot de passe. Vos autres sessions ouvertes seront fermées.",
    submit: "Enregistrer et me connecter",
  },
  invitation: {
    title: "Bienvenue sur Tribune",
    intro: "Un compte a été ouvert pour vous : choisissez votre mot de passe pour y accéder.",
    submit: "Choisir mon mot de passe et me connecter",
  },
} as const;

/**
 * The page a link of a message opens (`?jeton=`): a password reset
 * (/connexion/nouveau-mot-de-passe) or an invitation's first password (/connexion/invitation).
 * Once chosen, the person is signed in and sent to the home page.
 */
export default function NewPasswordPage({ purpose }: { purpose: keyof typeof WORDING }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("jeton") ?? "";
  const wording = WORDING[purpose];
  const form = useForm({
    resolver: zodResolver(ChoosePassword),
    defaultValues: { password: "", confirmation: "" },
  });
  const procedure = purpose === "invitation" ? trpc.auth.acceptInvitation : trpc.auth.resetPassword;
  const choose = useMutation(
    procedure.mutationOptions({
      onSuccess: (signedIn) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), signedIn);
        navigate("/", { replace: true });
      },
    }),
  );
  const serverPasswordError = fieldErrors(choose.error)?.password?.[0];

  return (
    <main className="login">
      <form
        className="card login__card"
        onSubmit={form.handleSubmit(({ password }) => choose.mutate({ token, password }))}
        noValidate
      >
        <h1>{wording.title}</h1>
        {token ? (
          <>
            <p className="muted">{wording.intro}</p>
            <Field
              label="Mot de passe"
              hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères ; une phrase de plusieurs mots peu courants est plus sûre qu'un mot compliqué.`}
              error={form.formState.errors.password?.message ?? serverPasswordError}
            >
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  {...form.register("password")}
                />
              )}
            </Field>
            <PasswordMeter password={form.watch("password")} />
            <Field
              label="Confirmation du mot de passe"
              error={form.formState.errors.confirmation?.message}
            >
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  {...form.register("confirmation")}
                />
              )}
            </Field>
            {choose.error && !serverPasswordError && (
              <p role="alert" className="notice notice--error">
                {errorMessage(choose.error)}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={choose.isPending}>
              {choose.isPending ? "Enregistrement…" : wording.submit}
            </button>
          </>
        ) : (
          <p role="alert" className="notice notice--error">
            Ce lien est incomplet : ouvrez-le tel qu'il figure dans le courriel reçu.
          </p>
        )}
        <p>
          {purpose === "password_reset" ? (
            <Link to={ACCOUNT_PAGES.forgotPassword}>Demander un nouveau lien</Link>
          ) : (
            <Link to={ACCOUNT_PAGES.login}>Retour à la connexion</Link>
          )}
        </p>
      </form>
    </main>
  );
}
