import { skipToken, useQuery } from "@tanstack/react-query";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { PublicError, PublicPage } from "../../../ui/public/PublicPage";
import { PublicProgramme } from "../components/public/PublicProgramme";
import "../components/public/public.css";

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
      <PublicError title="Programme du congrès" message={errorMessage(error)} year={edition.year} />
    );
  }
  if (edition.data === null) {
    return (
      <PublicPage title="Programme du congrès">
        <p className="public__empty">Aucun congrès n'est annoncé pour le moment.</p>
      </PublicPage>
    );
  }
  if (!programme.data) {
    return (
      <PublicPage title="Programme du congrès" edition={edition.data} current="programme">
        <p className="muted public__empty">Chargement du programme…</p>
      </PublicPage>
    );
  }
  return (
    <PublicProgramme
      edition={programme.data.edition}
      entries={programme.data.entries}
      inPreparation={programme.data.inPreparation}
      year={edition.year}
    />
  );
}
