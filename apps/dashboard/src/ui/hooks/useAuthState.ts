import { useEffect, useState } from "react";
import type { AuthState, Reauth } from "../../reauth";

const OK: AuthState = { kind: "ok" };

/** Where signing in again stands (always "ok" without a `Reauth`, e.g. in a snapshot). */
export function useAuthState(reauth: Reauth | undefined): AuthState {
  const [state, setState] = useState<AuthState>(() => reauth?.state() ?? OK);
  useEffect(() => {
    if (!reauth) return;
    setState(reauth.state());
    return reauth.onChange(setState);
  }, [reauth]);
  return state;
}
