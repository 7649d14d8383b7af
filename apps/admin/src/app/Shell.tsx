import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  DOSSIER_READERS,
  MEMBER_MANAGERS,
  MOTION_READERS,
  PRESS_KIT_READERS,
  PROGRAMME_EDITORS,
  PROGRAMME_READERS,
  REGISTRATION_MANAGERS,
  REGISTRATION_READERS,
  ROLE_LABELS,
  type Role,
  SUBDIVISION_READERS,
  SURVEY_READERS,
} from "@tribune/domain/auth";
import { useEffect, useState } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { hasRole, useMe } from "../features/auth/hooks/useMe";
import { EditionSwitcher } from "./EditionSwitcher";
import { ChosenYear, searchWithYear, yearParam } from "./edition";
import { MainNav } from "./MainNav";
import { useTRPC } from "./trpc";

/** The groups of the main navigation, in the order they are shown. */
export const NAV_GROUPS = ["Congrès", "Adhérent·es", "Presse"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavEntry {
  to: string;
  /** The link's accessible name (tests and assistive technologies find the link by it). */
  label: string;
  /** A shorter visible text, when the label is long; the label must start with it. */
  short?: string;
  roles: readonly Role[];
  /** The disclosure menu the entry sits in; none: a link at the top level. */
  group?: NavGroup;
}

/** Who opens the editions page: the organisers and admin edit, the bureau reads (and the budget). */
export const EDITIONS_PAGE_READERS: readonly Role[] = [...PROGRAMME_EDITORS, "bureau"];

/**
 * Navigation entries, each shown only to the roles the server would let through. Entries of a
 * group are listed in its menu; the order of first appearance orders the top level.
 */
export const NAV: NavEntry[] = [
  { to: "/programme", label: "Programme", roles: PROGRAMME_READERS, group: "Congrès" },
  { to: "/salles", label: "Salles", roles: PROGRAMME_EDITORS, group: "Congrès" },
  { to: "/intervenants", label: "Intervenant·es", roles: PROGRAMME_EDITORS, group: "Congrès" },
  { to: "/partenaires", label: "Partenaires", roles: PROGRAMME_EDITORS, group: "Congrès" },
  { to: "/editions", label: "Éditions", roles: EDITIONS_PAGE_READERS, group: "Congrès" },
  // Attendees of the congress, members or not: with the congress, not with the union's members.
  { to: "/inscriptions", label: "Inscriptions", roles: REGISTRATION_READERS, group: "Congrès" },
  {
    to: "/accueil",
    label: "Accueil (arrivées)",
    roles: REGISTRATION_MANAGERS,
    group: "Congrès",
  },
  { to: "/subdivisions", label: "Subdivisions", roles: SUBDIVISION_READERS, group: "Adhérent·es" },
  { to: "/adherents", label: "Adhérent·es", roles: MEMBER_MANAGERS, group: "Adhérent·es" },
  { to: "/enquetes", label: "Enquêtes", roles: SURVEY_READERS },
  {
    to: "/dossier-de-presse",
    label: "Dossier de presse",
    roles: PRESS_KIT_READERS,
    group: "Presse",
  },
  { to: "/dossiers", label: "Dossiers", roles: DOSSIER_READERS, group: "Presse" },
  {
    to: "/motions",
    label: "Motions du CA",
    short: "Motions",
    roles: MOTION_READERS,
    group: "Adhérent·es",
  },
  { to: "/courriels", label: "Courriels", roles: ["admin"] },
  { to: "/comptes", label: "Comptes", roles: ["admin"] },
  {
    to: "/journal",
    label: "Journal des modifications",
    short: "Journal",
    roles: ["admin", "organiser"],
  },
];

/** Pages anyone may open without an account, linked discreetly below the page. */
export const PUBLIC_LINKS = [
  { to: "/public/programme", label: "Programme public" },
  { to: "/public/inscription", label: "Inscription publique" },
];

/**
 * The edition chosen in the header, kept while the person moves around: a link that does not
 * carry ?edition (a page's own link, the brand) gets it back, so every page follows the choice.
 */
function useChosenYear() {
  const location = useLocation();
  const navigate = useNavigate();
  const asked = yearParam(location.search);
  const [chosen, setChosen] = useState(asked);
  useEffect(() => {
    if (asked !== null) setChosen(asked);
  }, [asked]);
  useEffect(() => {
    if (asked === null && chosen !== null)
      navigate(
        {
          pathname: location.pathname,
          search: searchWithYear(location.search, chosen),
          hash: location.hash,
        },
        { replace: true },
      );
  }, [asked, chosen, location.pathname, location.search, location.hash, navigate]);
  return asked ?? chosen;
}

export function Shell() {
  const me = useMe();
  const year = useChosenYear();
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
    <ChosenYear.Provider value={year}>
      <div className="shell">
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="shell__header">
          <NavLink to="/" className="shell__brand">
            Tribune
          </NavLink>
          <MainNav
            entries={NAV.filter((item) => hasRole(role, item.roles))}
            search={searchWithYear("", year)}
          />
          {me.data && <EditionSwitcher />}
          {me.data && (
            <div className="shell__user">
              <span className="shell__who">
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
        <footer className="shell__footer">
          <nav aria-label="Pages publiques">
            <span className="muted">Pages publiques :</span>
            <ul className="shell__links">
              {PUBLIC_LINKS.map((link) => (
                <li key={link.to}>
                  {/* The public page of the edition chosen in the header. */}
                  <NavLink to={{ pathname: link.to, search: searchWithYear("", year) }}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </footer>
      </div>
    </ChosenYear.Provider>
  );
}
