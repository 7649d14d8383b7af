import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  MEMBER_MANAGERS,
  PROGRAMME_EDITORS,
  PROGRAMME_READERS,
  REGISTRATION_MANAGERS,
  REGISTRATION_READERS,
  ROLE_LABELS,
  type Role,
  SUBDIVISION_READERS,
  SURVEY_READERS,
} from "@tribune/domain";
import { NavLink, Outlet, useNavigate } from "react-router";
import { hasRole, useMe } from "../auth/useMe";
import { useTRPC } from "../trpc";

/** Navigation entries, each shown only to the roles the server would let through. */
export const NAV: { to: string; label: string; roles: readonly Role[] }[] = [
  { to: "/programme", label: "Programme", roles: PROGRAMME_READERS },
  { to: "/salles", label: "Salles", roles: PROGRAMME_EDITORS },
  { to: "/intervenants", label: "Intervenant·es", roles: PROGRAMME_EDITORS },
  { to: "/partenaires", label: "Partenaires", roles: PROGRAMME_EDITORS },
  { to: "/subdivisions", label: "Subdivisions", roles: SUBDIVISION_READERS },
  { to: "/adherents", label: "Adhérent·es", roles: MEMBER_MANAGERS },
  { to: "/inscriptions", label: "Inscriptions", roles: REGISTRATION_READERS },
  { to: "/accueil", label: "Accueil (arrivées)", roles: REGISTRATION_MANAGERS },
  { to: "/enquetes", label: "Enquêtes", roles: SURVEY_READERS },
  { to: "/journal", label: "Journal des modifications", roles: ["admin", "organiser"] },
];

export function Shell() {
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        navigate("/connexion");
      },
    }),
  );
  const role = me.data?.role;

  return (
    <div className="shell">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="shell__header">
        <NavLink to="/" className="shell__brand">
          Tribune
        </NavLink>
        <nav aria-label="Navigation principale">
          <ul className="shell__nav">
            {NAV.filter((item) => hasRole(role, item.roles)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/public/programme">Programme public</NavLink>
            </li>
            <li>
              <NavLink to="/public/inscription">Inscription publique</NavLink>
            </li>
          </ul>
        </nav>
        {me.data && (
          <div className="shell__user">
            <span>
              {me.data.displayName || me.data.email} ·{" "}
              <span className="muted">{ROLE_LABELS[me.data.role]}</span>
            </span>
            <button
              type="button"
              className="button"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              Se déconnecter
            </button>
          </div>
        )}
      </header>
      <main id="contenu" className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
