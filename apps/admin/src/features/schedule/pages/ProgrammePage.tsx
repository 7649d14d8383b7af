import { PROGRAMME_EDITORS } from "@tribune/domain/auth";
import { Link } from "react-router";
import { useEdition } from "../../../app/edition";
import { errorMessage } from "../../../app/trpc";
import { hasRole, useMe } from "../../auth/hooks/useMe";
import { ProgrammeEditor } from "../components/ProgrammeEditor";
import { ProgrammeImport } from "../components/ProgrammeImport";

/** No edition yet (a new installation): organisers are sent to create the first one. */
export function NoEdition() {
  const me = useMe();
  return (
    <section>
      <h1>Aucune édition</h1>
      <p>Aucune édition du congrès n'est enregistrée.</p>
      {hasRole(me.data?.role, PROGRAMME_EDITORS) && (
        <p>
          <Link to="/editions">Créer la première édition</Link>
        </p>
      )}
    </section>
  );
}

/**
 * /programme: the grid editor of the edition chosen in the header (read-only for bureau and
 * press, and for everyone once the edition is archived).
 */
export default function ProgrammePage() {
  const edition = useEdition();
  if (edition.isPending) return <p className="muted">Chargement…</p>;
  if (edition.error) {
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(edition.error)}
      </p>
    );
  }
  if (!edition.data) return <NoEdition />;
  return (
    <>
      <ProgrammeEditor edition={edition.data} />
      {edition.data.archivedAt === null && <ProgrammeImportFor editionId={edition.data.id} />}
    </>
  );
}

/** The import of a programme from frab or pretalx, for those who edit the programme. */
function ProgrammeImportFor({ editionId }: { editionId: string }) {
  const me = useMe();
  return hasRole(me.data?.role, PROGRAMME_EDITORS) ? (
    <ProgrammeImport editionId={editionId} />
  ) : null;
}
