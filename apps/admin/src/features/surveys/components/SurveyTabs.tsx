import { SURVEY_MANAGERS, SURVEY_RESULT_READERS } from "@tribune/domain/auth";
import { NavLink } from "react-router";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import "../../../ui/catalog/catalog.css";
import "../../union/registration.css";
import "../surveys.css";

/** The pages of one survey, as tabs under its title: results, collection, questionnaire, import, invitations. */
export function SurveyTabs({ id }: { id: string }) {
  const role = useMe().data?.role;
  const tabs = [
    { to: `/enquetes/${id}`, label: "Résultats", roles: SURVEY_RESULT_READERS, end: true },
    { to: `/enquetes/${id}/collecte`, label: "Collecte", roles: SURVEY_RESULT_READERS },
    { to: `/enquetes/${id}/questionnaire`, label: "Questionnaire", roles: SURVEY_MANAGERS },
    { to: `/enquetes/${id}/import`, label: "Import CSV", roles: SURVEY_MANAGERS },
    { to: `/enquetes/${id}/invitations`, label: "Invitations", roles: SURVEY_MANAGERS },
  ].filter((t) => hasRole(role, t.roles));
  return (
    <nav className="survey-tabs" aria-label="Pages de l'enquête">
      <NavLink to="/enquetes" end className="survey-tabs__back">
        ← Enquêtes
      </NavLink>
      {tabs.map((t) => (
        <NavLink key={t.to} to={t.to} end={t.end ?? false}>
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}
