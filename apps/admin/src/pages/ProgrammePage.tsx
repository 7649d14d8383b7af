import { useCurrentEdition } from "../edition";
import { ProgrammeEditor } from "../programme/ProgrammeEditor";
import { errorMessage } from "../trpc";

/** /programme: the grid editor of the current edition (read-only for bureau and press). */
export default function ProgrammePage() {
  const edition = useCurrentEdition();
  if (edition.isPending) return <p className="muted">Chargement…</p>;
  if (edition.error) {
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(edition.error)}
      </p>
    );
  }
  if (!edition.data) return <p>Aucune édition du congrès n'est enregistrée.</p>;
  return <ProgrammeEditor edition={edition.data} />;
}
