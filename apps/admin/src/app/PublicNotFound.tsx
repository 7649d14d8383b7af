import { PublicError } from "../ui/public/PublicPage";

/** A public address that leads nowhere (/public/…): the union's header and a way back. */
export default function PublicNotFound() {
  return <PublicError title="Page introuvable" message="Cette page n'existe pas ou plus." />;
}
