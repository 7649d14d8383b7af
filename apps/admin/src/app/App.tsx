import {
  DOSSIER_READERS,
  MEMBER_MANAGERS,
  MOTION_READERS,
  PRESS_KIT_READERS,
  PROGRAMME_EDITORS,
  PROGRAMME_READERS,
  REGISTRATION_MANAGERS,
  REGISTRATION_READERS,
  SUBDIVISION_READERS,
  SURVEY_MANAGERS,
  SURVEY_READERS,
  SURVEY_RESULT_READERS,
} from "@tribune/domain/auth";
import { ACCOUNT_PAGES } from "@tribune/domain/routes";
import { lazy, Suspense } from "react";
import { Link, Navigate, Route, Routes } from "react-router";
import { RequireRole } from "../features/auth/components/RequireRole";
import { hasRole, useMe } from "../features/auth/hooks/useMe";
import { LoginPage } from "../features/auth/pages/LoginPage";
import { EDITIONS_PAGE_READERS, Shell } from "./Shell";

// Pages load on demand so that the first screen stays light.
const ProgrammePage = lazy(() => import("../features/schedule/pages/ProgrammePage"));
const RoomsPage = lazy(() => import("../features/congress/pages/RoomsPage"));
const SpeakersPage = lazy(() => import("../features/congress/pages/SpeakersPage"));
const PartnersPage = lazy(() => import("../features/congress/pages/PartnersPage"));
const PressKitPage = lazy(() => import("../features/press-kit/pages/PressKitPage"));
const AuditPage = lazy(() => import("../features/audit/pages/AuditPage"));
const MailPage = lazy(() => import("../features/mail/pages/MailPage"));
const EditionsPage = lazy(() => import("../features/congress/pages/EditionsPage"));
const DossiersPage = lazy(() => import("../features/dossiers/pages/DossiersPage"));
const MotionsPage = lazy(() => import("../features/dossiers/pages/MotionsPage"));
const PublicProgrammePage = lazy(() => import("../features/schedule/pages/PublicProgrammePage"));
const SubdivisionsPage = lazy(() => import("../features/union/pages/SubdivisionsPage"));
const SubdivisionDetailPage = lazy(() => import("../features/union/pages/SubdivisionDetailPage"));
const MembersPage = lazy(() => import("../features/union/pages/MembersPage"));
const RegistrationsPage = lazy(() => import("../features/union/pages/RegistrationsPage"));
const CheckInDeskPage = lazy(() => import("../features/union/pages/CheckInDeskPage"));
const PublicRegistrationPage = lazy(() => import("../features/union/pages/PublicRegistrationPage"));
const SurveysPage = lazy(() => import("../features/surveys/pages/SurveysPage"));
const SurveyResultsPage = lazy(() => import("../features/surveys/pages/SurveyResultsPage"));
const PublicSurveyPage = lazy(() => import("../features/surveys/pages/PublicSurveyPage"));
const SurveyBuilderPage = lazy(() => import("../features/surveys/pages/SurveyBuilderPage"));
const SurveyCollectionPage = lazy(() => import("../features/surveys/pages/SurveyCollectionPage"));
const SurveyImportPage = lazy(() => import("../features/surveys/pages/SurveyImportPage"));
const SurveyInvitationsPage = lazy(() => import("../features/surveys/pages/SurveyInvitationsPage"));
const KeyFiguresPage = lazy(() => import("../features/surveys/pages/KeyFiguresPage"));
const PublicNotFound = lazy(() => import("./PublicNotFound"));
const AttendeeSpacePage = lazy(() => import("../features/union/pages/AttendeeSpacePage"));
const ForgotPasswordPage = lazy(() => import("../features/auth/pages/ForgotPasswordPage"));
const NewPasswordPage = lazy(() => import("../features/auth/pages/NewPasswordPage"));
const AccountsPage = lazy(() => import("../features/auth/pages/AccountsPage"));

function Home() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/connexion" replace />;
  if (hasRole(me.data.role, PROGRAMME_READERS)) return <Navigate to="/programme" replace />;
  if (me.data.role === "representative") return <Navigate to="/adherents" replace />;
  return (
    <section>
      <h1>Bienvenue sur Tribune</h1>
      <p>Votre espace ne propose pas encore de page pour votre rôle.</p>
    </section>
  );
}

/** An admin address that leads nowhere: a title, and a way back to the first page. */
function NotFound() {
  return (
    <section>
      <h1>Page introuvable</h1>
      <p>Cette adresse ne mène à aucune page de Tribune.</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </section>
  );
}

export function App() {
  return (
    <Suspense fallback={<p className="muted">Chargement…</p>}>
      <Routes>
        <Route path={ACCOUNT_PAGES.login} element={<LoginPage />} />
        <Route path={ACCOUNT_PAGES.forgotPassword} element={<ForgotPasswordPage />} />
        <Route
          path={ACCOUNT_PAGES.newPassword}
          element={<NewPasswordPage purpose="password_reset" />}
        />
        <Route path={ACCOUNT_PAGES.invitation} element={<NewPasswordPage purpose="invitation" />} />
        <Route path="/public/programme" element={<PublicProgrammePage />} />
        <Route path="/public/inscription" element={<PublicRegistrationPage />} />
        <Route path="/public/enquete/:slug" element={<PublicSurveyPage />} />
        <Route path="/public/mon-inscription" element={<AttendeeSpacePage />} />
        <Route path="/public/*" element={<PublicNotFound />} />
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
            path="/enquetes"
            element={
              <RequireRole roles={SURVEY_READERS}>
                <SurveysPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/nouvelle"
            element={
              <RequireRole roles={SURVEY_MANAGERS}>
                <SurveyBuilderPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/chiffres-cles"
            element={
              <RequireRole roles={SURVEY_MANAGERS}>
                <KeyFiguresPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/:id/questionnaire"
            element={
              <RequireRole roles={SURVEY_MANAGERS}>
                <SurveyBuilderPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/:id/collecte"
            element={
              <RequireRole roles={SURVEY_RESULT_READERS}>
                <SurveyCollectionPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/:id/invitations"
            element={
              <RequireRole roles={SURVEY_MANAGERS}>
                <SurveyInvitationsPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/:id/import"
            element={
              <RequireRole roles={SURVEY_MANAGERS}>
                <SurveyImportPage />
              </RequireRole>
            }
          />
          <Route
            path="/enquetes/:id"
            element={
              <RequireRole roles={SURVEY_RESULT_READERS}>
                <SurveyResultsPage />
              </RequireRole>
            }
          />
          <Route
            path="/editions"
            element={
              <RequireRole roles={EDITIONS_PAGE_READERS}>
                <EditionsPage />
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
            path="/dossier-de-presse"
            element={
              <RequireRole roles={PRESS_KIT_READERS}>
                <PressKitPage />
              </RequireRole>
            }
          />
          <Route
            path="/dossiers"
            element={
              <RequireRole roles={DOSSIER_READERS}>
                <DossiersPage />
              </RequireRole>
            }
          />
          <Route
            path="/motions"
            element={
              <RequireRole roles={MOTION_READERS}>
                <MotionsPage />
              </RequireRole>
            }
          />
          <Route
            path="/courriels"
            element={
              <RequireRole roles={["admin"]}>
                <MailPage />
              </RequireRole>
            }
          />
          <Route
            path="/comptes"
            element={
              <RequireRole roles={["admin"]}>
                <AccountsPage />
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
          <Route
            path="/subdivisions"
            element={
              <RequireRole roles={SUBDIVISION_READERS}>
                <SubdivisionsPage />
              </RequireRole>
            }
          />
          <Route
            path="/subdivisions/:id"
            element={
              <RequireRole roles={MEMBER_MANAGERS}>
                <SubdivisionDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="/adherents"
            element={
              <RequireRole roles={MEMBER_MANAGERS}>
                <MembersPage />
              </RequireRole>
            }
          />
          <Route
            path="/inscriptions"
            element={
              <RequireRole roles={REGISTRATION_READERS}>
                <RegistrationsPage />
              </RequireRole>
            }
          />
          <Route
            path="/accueil"
            element={
              <RequireRole roles={REGISTRATION_MANAGERS}>
                <CheckInDeskPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
