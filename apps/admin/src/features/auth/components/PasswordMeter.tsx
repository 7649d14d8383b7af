import { useMutation } from "@tanstack/react-query";
import { PASSWORD_STRENGTH_LABELS, type PasswordStrength } from "@tribune/domain/auth";
import { useEffect, useState } from "react";
import { useTRPC } from "../../../app/trpc";
import "./password-meter.css";

/** One question per pause in typing, not per key. */
const PAUSE_MS = 300;

/**
 * How hard the password being typed is to guess, asked of the server (its estimator and its
 * rule, the same that accepts or refuses the choice) once typing pauses. Read out politely by
 * screen readers; says nothing until something is typed.
 */
export function PasswordMeter({ password }: { password: string }) {
  const trpc = useTRPC();
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const estimate = useMutation(trpc.auth.passwordStrength.mutationOptions());
  const { mutateAsync } = estimate;

  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      mutateAsync({ password })
        .then((answer) => current && setStrength(answer))
        // A refused or lost question leaves the last verdict: the choice itself is checked.
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, mutateAsync]);

  return (
    <div className="password-meter" aria-live="polite">
      {strength && (
        <>
          <meter
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={strength.score}
            aria-label="Solidité du mot de passe"
          />
          <span className={strength.acceptable ? "password-meter__ok" : "password-meter__weak"}>
            {PASSWORD_STRENGTH_LABELS[strength.score]}
            {strength.advice ? ` — ${strength.advice}` : strength.acceptable ? " — accepté" : ""}
          </span>
        </>
      )}
    </div>
  );
}
