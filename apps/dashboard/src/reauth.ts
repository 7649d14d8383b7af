import { isUnauthorized } from "./client";

/** Where signing in again stands, for the screen. */
export type AuthState =
  | { kind: "ok" }
  /** Logging in again with TRIBUNE_EMAIL / TRIBUNE_PASSWORD. */
  | { kind: "renewing" }
  /** The password is asked on screen; `error` says why the last try failed. */
  | { kind: "expired"; email: string; error: string | null; checking: boolean };

export interface Reauth {
  state(): AuthState;
  /** Calls `listener` at every change of state; returns the function that stops. */
  onChange(listener: (state: AuthState) => void): () => void;
  /** Runs `call`; when the session has expired, signs in again and runs it once more. */
  guard<T>(call: () => Promise<T>): Promise<T>;
  /** Signs in again; callers asking at the same time share one attempt. */
  renew(): Promise<void>;
  /** The password typed in the on-screen prompt. */
  submit(password: string): Promise<void>;
}

export interface ReauthOptions {
  email: string;
  /** From TRIBUNE_PASSWORD: when set, signing in again needs nobody. */
  password?: string | undefined;
  /** Logs in and keeps the new session; throws an error whose message is a French sentence. */
  logIn: (email: string, password: string) => Promise<void>;
}

/**
 * Signing in again when the server answers UNAUTHORIZED (idle or absolute lifetime reached,
 * session closed from elsewhere): with the environment's password if there is one, else by
 * asking for it on screen — the dashboard never just stops.
 */
export function createReauth({ email, password, logIn }: ReauthOptions): Reauth {
  let state: AuthState = { kind: "ok" };
  const listeners = new Set<(state: AuthState) => void>();
  const set = (next: AuthState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };
  let renewing: Promise<void> | null = null;
  let typed: (() => void) | null = null;
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const renew = () => {
    renewing ??= (async () => {
      let error: string | null = null;
      if (password) {
        set({ kind: "renewing" });
        try {
          await logIn(email, password);
          set({ kind: "ok" });
          return;
        } catch (failure) {
          error = message(failure);
        }
      }
      set({ kind: "expired", email, error, checking: false });
      await new Promise<void>((resolve) => {
        typed = resolve;
      });
      set({ kind: "ok" });
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  };

  return {
    state: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async guard(call) {
      try {
        return await call();
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        await renew();
        return call();
      }
    },
    renew,
    async submit(typedPassword) {
      if (state.kind !== "expired" || state.checking) return;
      set({ ...state, checking: true, error: null });
      try {
        await logIn(email, typedPassword);
        typed?.();
        typed = null;
      } catch (failure) {
        set({ kind: "expired", email, error: message(failure), checking: false });
      }
    },
  };
}
