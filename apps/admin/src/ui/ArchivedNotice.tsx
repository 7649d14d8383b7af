import { archivedMessage, type Edition, isReadOnly } from "@tribune/domain/congress";

/**
 * Said at the top of an edition's page when the edition is archived: why its edit controls are
 * gone or disabled (the server refuses every change to it anyway).
 */
export function ArchivedNotice({
  edition,
}: {
  edition: Pick<Edition, "year" | "archivedAt"> | null | undefined;
}) {
  if (!edition || !isReadOnly(edition)) return null;
  return (
    <p className="notice notice--warning archived-notice">
      <strong>Édition archivée.</strong> {archivedMessage(edition)}
    </p>
  );
}
