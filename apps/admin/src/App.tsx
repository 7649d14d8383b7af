import { PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain";
import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { LoginPage } from "./auth/LoginPage";
import { RequireRole } from "./auth/RequireRole";
import { hasRole, useMe } from "./auth/useMe";
import { Shell } from "./components/Shell";

// Pages load on demand so that the first screen stays light.
const ProgrammePage = lazy(() => import("./pages/ProgrammePage"));
const RoomsPage = lazy(() => import("./pages/RoomsPage"));
const SpeakersPage = lazy(() => import("./pages/SpeakersPage"));
const PartnersPage = lazy(() => import("./pages/PartnersPage"));
const AuditPage = lazy(() => import("./pages/AuditPage"));
const PublicProgrammePage = lazy(() => import("./pages/PublicProgrammePage"));

function Home() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/connexion" replace />;
  if (hasRole(me.data.role, PROGRAMME_READERS)) return <Navigate to="/programme" replace />;
  return (
    <section>
      <h1>Bienvenue sur Tribune</h1>
      <p>Votre espace ne propose pas encore de page pour votre rôle.</p>
    </section>
  );
}

export function App() {
  return (
    <Suspense fallback={<p className="muted">Chargement…</p>}>
      <Routes>
        <Route path="/connexion" element={<LoginPage />} />
        <Route path="/public/programme" element={<PublicProgrammePage />} />
        <Route element={<Shell />}>
          <Route index element={<Home />} />
          <Route
            path="/programme"
            element={
              <RequireRole roles={PROGRAMME_READERS}>
                <ProgrammePage />
              </RequireRole>
            }
          />
          <Route
            path="/salles"
            element={
              <RequireRole roles={PROGRAMME_EDITORS}>
                <RoomsPage />
              </RequireRole>
            }
          />
          <Route
            path="/intervenants"
            element={
              <RequireRole roles={PROGRAMME_EDITORS}>
                <SpeakersPage />
              </RequireRole>
            }
          />
          <Route
            path="/partenaires"
            element={
              <RequireRole roles={PROGRAMME_EDITORS}>
                <PartnersPage />
              </RequireRole>
            }
          />
          <Route
            path="/journal"
            element={
              <RequireRole roles={["admin", "organiser"]}>
                <AuditPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<p>Page introuvable.</p>} />
        </Route>
      </Routes>
    </Suspense>
  );
}
