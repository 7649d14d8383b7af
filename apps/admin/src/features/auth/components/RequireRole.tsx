import type { Role } from "@tribune/domain/auth";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { hasRole, useMe } from "../hooks/useMe";
import { loginPathFor } from "../returnPath";

/** Sends anonymous visitors to the login page and shows a refusal to the wrong roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="muted">Chargement…</p>;
  if (!me.data) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  if (!hasRole(me.data.role, roles)) {
    return (
      <div role="alert" className="notice notice--error">
        <h1>Accès refusé</h1>
        <p>Votre rôle ne donne pas accès à cette page.</p>
      </div>
    );
  }
  return <>{children}</>;
}
