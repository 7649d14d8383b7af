/**
 * Where the login page sends someone back to: only a path of this site ("/salles?x=1"), never
 * another origin ("//evil.example", "https://…"), so that a crafted link cannot redirect away.
 */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** The login page's address that brings the visitor back to `path` (with its query) afterwards. */
export const loginPathFor = (path: string) =>
  path === "/" ? "/connexion" : `/connexion?retour=${encodeURIComponent(path)}`;
