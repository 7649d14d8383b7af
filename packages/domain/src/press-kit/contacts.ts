import type { PressKitEditorial } from "./editorial";

/**
 * The contacts page and the flash topics as the plain text people edit in the admin, one
 * thing per line, so that they are stored with the other sections' texts:
 *
 *   ATIKA BOKHARI | PRÉSIDENTE DE L'ISNAR-IMG | president@isnar-img.com | 06 73 07 53 01
 *   Site : www.isnar-img.com
 *   Instagram : @isnarimg
 */

type Contacts = Omit<PressKitEditorial["contacts"], "title">;
type Network = Contacts["social"][number]["network"];

/** How each network is written in the text (and read back, case aside). */
export const NETWORK_LABELS: Record<Network, string> = {
  facebook: "Facebook",
  linkedin: "LinkedIn",
  instagram: "Instagram",
  x: "X",
};
const SITE = "Site";

export function contactsToText(contacts: Contacts): string {
  return [
    ...contacts.people.map((p) => [p.name, p.role, p.email, p.phone].join(" | ")),
    ...contacts.websites.map((site) => `${SITE} : ${site}`),
    ...contacts.social.map((s) => `${NETWORK_LABELS[s.network]} : ${s.handle}`),
  ].join("\n");
}

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const networkOf = new Map(
  Object.entries(NETWORK_LABELS).map(([network, label]) => [label.toLowerCase(), network]),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The contacts a text describes, or why it cannot (in French, naming the line). */
export function parseContactsText(
  text: string,
): { ok: true; contacts: Contacts } | { ok: false; problem: string } {
  const contacts: Contacts = { people: [], websites: [], social: [] };
  if (lines(text).length === 0)
    return { ok: false, problem: "Indiquez au moins un contact, un site ou un réseau social." };
  for (const [index, line] of lines(text).entries()) {
    const where = `Ligne ${index + 1} (« ${line.slice(0, 40)} »)`;
    if (line.includes("|")) {
      const [name = "", role = "", email = "", phone = "", ...extra] = line
        .split("|")
        .map((f) => f.trim());
      if (!name || extra.length > 0)
        return {
          ok: false,
          problem: `${where} : une personne s'écrit « Nom | Fonction | e-mail | téléphone ».`,
        };
      if (email && !EMAIL.test(email))
        return { ok: false, problem: `${where} : adresse e-mail invalide.` };
      contacts.people.push({ name, role, email, phone });
      continue;
    }
    const colon = line.indexOf(":");
    const label = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const network = networkOf.get(label) as Network | undefined;
    if (colon > 0 && value && label === SITE.toLowerCase()) contacts.websites.push(value);
    else if (colon > 0 && value && network) contacts.social.push({ network, handle: value });
    else
      return {
        ok: false,
        problem: `${where} : écrivez « Nom | Fonction | e-mail | téléphone », « Site : adresse » ou « Facebook, LinkedIn, Instagram, X : compte ».`,
      };
  }
  return { ok: true, contacts };
}

/** The flash topics, one per line (a leading "- " is allowed). */
export const topicsToText = (topics: readonly string[]) => topics.join("\n");
export const textToTopics = (text: string) =>
  lines(text)
    .map((l) => l.replace(/^[-•]\s+/, ""))
    .filter(Boolean);
