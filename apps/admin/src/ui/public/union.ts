/**
 * Who runs Tribune's public pages: the union that organises the congress. It is the data
 * controller the registration form's notice names (GDPR art. 13) and the identity every public
 * page's header shows. One place, so that a change of address or of name is one edit.
 */
export const UNION = {
  shortName: "ISNAR-IMG",
  name: "InterSyndicale Nationale Autonome Représentative des Internes de Médecine Générale",
  contact: "contact@isnar-img.com",
} as const;
