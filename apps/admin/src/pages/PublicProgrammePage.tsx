import { skipToken, useQuery } from "@tanstack/react-query";
import { useEdition } from "../edition";
import { PublicProgramme } from "../programme/public/PublicProgramme";
import { errorMessage, useTRPC } from "../trpc";
import "../programme/public/public.css";

/**
 * /public/programme: the published programme, for anyone, no login. The edition the address
 * names (?edition=2027), else the current one (the API's rule); one still in preparation says so.
 */
export default function PublicProgrammePage() {
  const trpc = useTRPC();
  const edition = useEdition();
  const year = edition.data?.year;
  const programme = useQuery(
    trpc.schedule.programme.queryOptions(year === undefined ? skipToken : { year }),
  );
  const error = edition.error ?? programme.error;
  if (error) {
    return (
      <main className="public__main">
        <p role="alert" className="notice notice--error">
          {errorMessage(error)}
        </p>
      </main>
    );
  }
  if (edition.data === null) {
    return (
      <main className="public__main">
        <p>Aucun congrès n'est annoncé pour le moment.</p>
      </main>
    );
  }
  if (!programme.data) {
    return (
      <main className="public__main">
        <p className="muted">Chargement du programme…</p>
      </main>
    );
  }
  return (
    <PublicProgramme
      edition={programme.data.edition}
      entries={programme.data.entries}
      inPreparation={programme.data.inPreparation}
    />
  );
}
