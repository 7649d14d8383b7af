import { formatDate } from "@tribune/domain/format";
import { personalDataKeptUntil } from "@tribune/domain/union";
import { UNION } from "../../../ui/public/union";

/**
 * What the registration form tells a person about their data before they send it (GDPR art. 13):
 * who is responsible, what for, who sees it, how long it is kept, their rights and whom to ask.
 * Kept for one year after the congress (the domain's `personalDataKeptUntil`, which the
 * server's purge follows): the next edition's invitations and the attendance figures need no more.
 */
export function PrivacyNotice({ lastDay }: { lastDay: string }) {
  const kept = personalDataKeptUntil(lastDay);
  return (
    <details className="card privacy-notice">
      <summary>
        Vos données servent uniquement à organiser votre venue ; l'{UNION.shortName} les garde
        jusqu'au {formatDate(kept)}. En savoir plus et exercer vos droits
      </summary>
      <dl>
        <dt>Responsable du traitement</dt>
        <dd>
          L'{UNION.shortName} ({UNION.name}), organisatrice du congrès. Contact :{" "}
          <a href={`mailto:${UNION.contact}`}>{UNION.contact}</a>.
        </dd>
        <dt>Finalité</dt>
        <dd>
          Gérer votre inscription au congrès : accueil sur place, repas et soirée, ateliers, liste
          d'attente, et vous écrire au sujet de votre inscription. Base légale : l'exécution de
          votre demande d'inscription.
        </dd>
        <dt>Destinataires</dt>
        <dd>
          Les seules personnes de l'{UNION.shortName} qui organisent le congrès et l'accueil. Vos
          données ne sont ni vendues ni cédées.
        </dd>
        <dt>Durée de conservation</dt>
        <dd>
          Jusqu'au {formatDate(kept)}, un an après le congrès ; ensuite seuls des comptes anonymes
          (nombre d'inscrit·es par subdivision) sont gardés.
        </dd>
        <dt>Vos droits</dt>
        <dd>
          Accès, rectification, effacement, limitation et opposition : écrivez à{" "}
          <a href={`mailto:${UNION.contact}`}>{UNION.contact}</a>. Vous pouvez aussi adresser une
          réclamation à la CNIL (cnil.fr).
        </dd>
      </dl>
    </details>
  );
}
