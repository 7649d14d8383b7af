/** @jsxRuntime automatic @jsxImportSource react */
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatEditionDates } from "@tribune/domain/format";
import {
  BADGE_ROLE_LABELS,
  type Badge as BadgeData,
  type BadgeFormat,
  type BadgeRole,
  type DocumentEdition,
} from "@tribune/domain/union";
import { QrCode } from "../components/QrCode";
import { SANS } from "../fonts";
import { colors, TEXT_FEATURES } from "../theme";
import { fr } from "../typeset";
import { mm } from "./layout";

/** Each role its colour, so that the desk and the rooms tell them apart from afar. */
export const ROLE_COLORS: Record<BadgeRole, string> = {
  attendee: colors.teal,
  speaker: colors.coral,
  partner: "#6B4FA0",
  bureau: colors.navy,
};

const text = { fontFamily: SANS, fontFeatureSettings: TEXT_FEATURES } as const;

const a6 = StyleSheet.create({
  badge: { padding: mm(9), paddingBottom: 0, flexDirection: "column" },
  union: { ...text, fontSize: 11, fontWeight: 800, color: colors.teal, letterSpacing: 1 },
  congress: { ...text, fontSize: 8.5, color: colors.ink, marginTop: 2 },
  when: { ...text, fontSize: 8.5, color: colors.muted, marginTop: 1 },
  person: { flexGrow: 1, justifyContent: "center" },
  first: { ...text, fontSize: 26, fontWeight: 800, color: colors.ink },
  last: { ...text, fontSize: 18, fontWeight: 600, color: colors.ink, marginTop: 2 },
  subdivision: { ...text, fontSize: 12, color: colors.muted, marginTop: 8 },
  scan: { flexDirection: "row", alignItems: "center", marginBottom: mm(4) },
  code: { ...text, fontSize: 11, fontWeight: 600, color: colors.ink, marginLeft: mm(3) },
  codeHint: { ...text, fontSize: 7, color: colors.muted, marginLeft: mm(3), marginTop: 2 },
  role: { marginHorizontal: -mm(9), paddingVertical: mm(4), alignItems: "center" },
  roleText: { ...text, fontSize: 15, fontWeight: 800, color: colors.white, letterSpacing: 1.5 },
});

const card = StyleSheet.create({
  badge: { flexDirection: "row" },
  left: { flexGrow: 1, flexBasis: 0, padding: mm(3.5), paddingRight: mm(1.5) },
  union: { ...text, fontSize: 6, fontWeight: 800, color: colors.teal, letterSpacing: 0.6 },
  first: { ...text, fontSize: 13, fontWeight: 800, color: colors.ink, marginTop: mm(3) },
  last: { ...text, fontSize: 10, fontWeight: 600, color: colors.ink, marginTop: 1 },
  subdivision: { ...text, fontSize: 7, color: colors.muted, marginTop: 3 },
  role: { marginTop: "auto", paddingVertical: 2, paddingHorizontal: 4, alignSelf: "flex-start" },
  roleText: { ...text, fontSize: 7, fontWeight: 800, color: colors.white, letterSpacing: 0.6 },
  right: { width: mm(27), alignItems: "center", justifyContent: "center", paddingRight: mm(2) },
  code: { ...text, fontSize: 6.5, fontWeight: 600, color: colors.ink, marginTop: 1 },
});

/** One badge, in its cell: A6 portrait or credit card landscape. */
export function Badge({
  badge,
  edition,
  unionName,
  format,
  width,
  height,
}: {
  badge: BadgeData;
  edition: DocumentEdition;
  unionName: string;
  format: BadgeFormat;
  width: number;
  height: number;
}) {
  const role = BADGE_ROLE_LABELS[badge.role].toLocaleUpperCase("fr-FR");
  const lastName = badge.lastName.toLocaleUpperCase("fr-FR");
  if (format === "card")
    return (
      <View style={[card.badge, { width, height }]}>
        <View style={card.left}>
          <Text style={card.union}>
            {fr(`${unionName} · ${edition.number}e congrès · ${edition.city}`)}
          </Text>
          <Text style={card.first}>{fr(badge.firstName)}</Text>
          <Text style={card.last}>{fr(lastName)}</Text>
          <Text style={card.subdivision}>{fr(badge.subdivision)}</Text>
          <View style={[card.role, { backgroundColor: ROLE_COLORS[badge.role] }]}>
            <Text style={card.roleText}>{fr(role)}</Text>
          </View>
        </View>
        <View style={card.right}>
          <QrCode value={badge.code} size={mm(24)} />
          <Text style={card.code}>{badge.code}</Text>
        </View>
      </View>
    );
  return (
    <View style={[a6.badge, { width, height }]}>
      <Text style={a6.union}>{unionName}</Text>
      <Text style={a6.congress}>
        {fr(`${edition.number}e Congrès national des internes de médecine générale`)}
      </Text>
      <Text style={a6.when}>
        {fr(`${edition.city} · ${formatEditionDates(edition.firstDay, edition.lastDay)}`)}
      </Text>
      <View style={a6.person}>
        <Text style={a6.first}>{fr(badge.firstName)}</Text>
        <Text style={a6.last}>{fr(lastName)}</Text>
        <Text style={a6.subdivision}>{fr(badge.subdivision)}</Text>
      </View>
      <View style={a6.scan}>
        <QrCode value={badge.code} size={mm(30)} />
        <View>
          <Text style={a6.code}>{badge.code}</Text>
          <Text style={a6.codeHint}>{fr("À présenter à l'accueil")}</Text>
        </View>
      </View>
      <View style={[a6.role, { backgroundColor: ROLE_COLORS[badge.role] }]}>
        <Text style={a6.roleText}>{fr(role)}</Text>
      </View>
    </View>
  );
}
