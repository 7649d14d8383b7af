/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDate, formatDay } from "@tribune/domain/format";
import type { AttendanceCertificate, CertificateBook } from "@tribune/domain/union";
import { SANS, SERIF } from "../fonts";
import { colors, page, TEXT_FEATURES } from "../theme";
import { fr } from "../typeset";

const sans = { fontFamily: SANS, fontFeatureSettings: TEXT_FEATURES } as const;
const serif = { fontFamily: SERIF, fontFeatureSettings: TEXT_FEATURES } as const;

const styles = StyleSheet.create({
  page: {
    paddingTop: page.marginTop + 12,
    paddingBottom: page.marginBottom,
    paddingHorizontal: page.marginX + 16,
    color: colors.ink,
  },
  union: { ...sans, fontSize: 20, fontWeight: 800, color: colors.teal, letterSpacing: 1.5 },
  unionFull: { ...sans, fontSize: 8.5, color: colors.muted, marginTop: 3, maxWidth: 360 },
  rule: { borderBottomWidth: 2, borderBottomColor: colors.coral, width: 56, marginTop: 18 },
  title: {
    ...sans,
    fontSize: 24,
    fontWeight: 800,
    color: colors.navy,
    marginTop: 56,
    letterSpacing: 2,
  },
  body: { ...serif, fontSize: 12.5, lineHeight: 1.6, marginTop: 32 },
  name: { ...serif, fontWeight: 700 },
  daysTitle: {
    ...sans,
    fontSize: 10,
    fontWeight: 700,
    color: colors.navy,
    marginTop: 28,
    letterSpacing: 0.8,
  },
  day: { ...serif, fontSize: 12.5, marginTop: 4 },
  issued: { ...serif, fontSize: 12, marginTop: 40 },
  signature: { marginTop: 36, alignSelf: "flex-end", width: 220 },
  signFor: { ...sans, fontSize: 9, color: colors.muted },
  signName: { ...serif, fontSize: 14, fontWeight: 700, marginTop: 30 },
  signTitle: { ...sans, fontSize: 9.5, color: colors.ink, marginTop: 2 },
  footer: {
    ...sans,
    position: "absolute",
    left: page.marginX + 16,
    right: page.marginX + 16,
    bottom: page.marginBottom - 24,
    fontSize: 7.5,
    color: colors.muted,
    borderTopWidth: 0.5,
    borderTopColor: colors.rule,
    paddingTop: 6,
  },
});

function Certificate({ book, person }: { book: CertificateBook; person: AttendanceCertificate }) {
  const e = book.edition;
  const days = person.days;
  return (
    <Page size="A4" style={styles.page}>
      <Text style={styles.union}>{book.unionName}</Text>
      <Text style={styles.unionFull}>{fr(book.unionFullName)}</Text>
      <View style={styles.rule} />
      <Text style={styles.title}>{fr("ATTESTATION DE PRÉSENCE")}</Text>
      <Text style={styles.body}>
        {fr(`L'${book.unionName}, ${book.unionFullName}, atteste que `)}
        <Text style={styles.name}>
          {fr(`${person.firstName} ${person.lastName.toLocaleUpperCase("fr-FR")}`)}
        </Text>
        {fr(
          `, interne de médecine générale (subdivision : ${person.subdivision}), a participé au ${e.number}e Congrès national des internes de médecine générale, « ${e.theme} », ${e.venue}, ${e.city}.`,
        )}
      </Text>
      <Text style={styles.daysTitle}>
        {fr(days.length > 1 ? "JOURS DE PRÉSENCE" : "JOUR DE PRÉSENCE")}
      </Text>
      {days.map((day) => (
        <Text key={day} style={styles.day}>
          {fr(`– ${formatDay(day)}`)}
        </Text>
      ))}
      <Text style={styles.issued}>
        {fr(
          `Attestation délivrée pour servir et valoir ce que de droit, le ${formatDate(book.issuedOn)}.`,
        )}
      </Text>
      <View style={styles.signature}>
        <Text style={styles.signFor}>{fr(`Pour l'${book.unionName},`)}</Text>
        <Text style={styles.signName}>{fr(book.signatory.name)}</Text>
        <Text style={styles.signTitle}>{fr(book.signatory.title)}</Text>
      </View>
      <Text style={styles.footer} fixed>
        {fr(
          `${book.unionName} · ${e.number}e congrès (${e.year}) · code d'inscription ${person.code}, enregistré à l'accueil du congrès`,
        )}
      </Text>
    </Page>
  );
}

/** Attendance certificates, one per page: one person's, or every checked-in attendee's. */
export function CertificateDocument({ model }: { model: CertificateBook }) {
  const language = { language: "fr-FR" } as object;
  return (
    <Document
      title={`Attestations de présence — ${model.edition.number}e congrès (${model.edition.year})`}
      author={model.unionName}
      {...language}
    >
      {model.certificates.map((person) => (
        <Certificate key={person.code} book={model} person={person} />
      ))}
    </Document>
  );
}
