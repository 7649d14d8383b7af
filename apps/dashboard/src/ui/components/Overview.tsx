import { FOR_TERMINAL, formatNumber, formatShortDate, formatTime } from "@tribune/domain/format";
import { localDay } from "@tribune/domain/kernel";
import { Box, Text } from "ink";
import { congressState, type DashboardData, editionMoment, nowAndNext } from "../../model";
import { fit, shortRoom } from "../text";
import { theme } from "../theme";
import { Bar } from "./Bar";

export interface OverviewProps {
  data: DashboardData;
  now: Date;
  width: number;
  height: number;
  filter: string;
}

/** The edition, now/next in each room during the congress, conflicts, and counts per subdivision. */
export function Overview({ data, now, width, height, filter }: OverviewProps) {
  const { edition, counts, conflicts } = data;
  const tz = edition.timeZone;
  const lines: React.ReactNode[] = [];
  lines.push(
    <Text key="ed">
      <Text bold>
        {fit(
          `${edition.city}, ${edition.venue} · ${formatShortDate(edition.firstDay)}–${formatShortDate(edition.lastDay)}`,
          width,
        )}
      </Text>
    </Text>,
  );
  lines.push(
    <Text key="cf" color={conflicts.length > 0 ? theme.warn : theme.ok}>
      {fit(
        conflicts.length > 0
          ? `! ${conflicts.length} conflit${conflicts.length > 1 ? "s" : ""} au programme (marqués ! dans l'écran 2)`
          : "Aucun conflit au programme.",
        width,
      )}
    </Text>,
  );
  if (counts) {
    const t = counts.totals;
    lines.push(
      <Text key="tot">
        {fit(
          `Inscrits ${formatNumber(t.confirmed, FOR_TERMINAL)}${counts.capacity ? `/${formatNumber(counts.capacity, FOR_TERMINAL)}` : ""} · arrivés ${formatNumber(t.checkedIn, FOR_TERMINAL)} · liste d'attente ${formatNumber(t.waitlisted, FOR_TERMINAL)}`,
          width,
        )}
      </Text>,
    );
  }
  if (data.surveys) {
    const responses = data.surveys.list.reduce((n, s) => n + s.responses, 0);
    const open = data.surveys.list.filter((s) => s.status === "open").length;
    lines.push(
      <Text key="sv">
        {fit(
          `Enquêtes ${data.surveys.list.length} (${open} ouverte${open > 1 ? "s" : ""}) · ${formatNumber(responses, FOR_TERMINAL)} réponses · ${data.surveys.figures.length} chiffres clés`,
          width,
        )}
      </Text>,
    );
    // Collection under way: the open surveys' totals and today's responses (two at most).
    const today = localDay(now.toISOString(), tz);
    for (const survey of data.surveys.list.filter((s) => s.status === "open").slice(0, 2)) {
      const collection = data.surveys.collections?.find((c) => c.surveyId === survey.id);
      const todays = collection?.byDay.find((d) => d.day === today)?.responses ?? 0;
      lines.push(
        <Text key={`open-${survey.id}`}>
          {fit(
            `  en cours : ${survey.title} — ${formatNumber(collection?.total ?? survey.responses, FOR_TERMINAL)} réponses${collection ? `, +${formatNumber(todays, FOR_TERMINAL)} aujourd'hui` : ""}`,
            width,
          )}
        </Text>,
      );
    }
  }
  // The latest CA motion (by meeting date; the list's last on a tie) and its result.
  const latest = data.dossiers?.motions.reduce<(typeof data.dossiers.motions)[number] | null>(
    (best, m) => (!best || (m.meeting.date ?? "") >= (best.meeting.date ?? "") ? m : best),
    null,
  );
  if (latest)
    lines.push(
      <Text key="mo">
        {fit(
          `Dernière motion${latest.meeting.date ? ` (${formatShortDate(latest.meeting.date)})` : ""} : ${latest.title} — ${latest.result.explanation}`,
          width,
        )}
      </Text>,
    );
  lines.push(<Text key="sp1"> </Text>);

  const state = congressState(edition, now);
  if (state === "running") {
    lines.push(
      <Text key="nn" bold color={theme.accent}>
        {fit(`Maintenant / ensuite — ${formatTime(now, tz)}`, width)}
      </Text>,
    );
    const roomWidth = 14;
    const nowWidth = Math.floor((width - roomWidth - 2) / 2) + 2;
    const nextWidth = width - roomWidth - 2 - nowWidth;
    lines.push(
      <Text key="nn-h" color={theme.muted}>
        {fit("Salle", roomWidth)} {fit("En cours (jusqu'à)", nowWidth)} {fit("Ensuite", nextWidth)}
      </Text>,
    );
    for (const r of nowAndNext(data, now)) {
      // The end time stays in view however long the title: the title is what gets cut.
      const current = r.now
        ? `▶ ${fit(r.now.title, nowWidth - 9)} →${formatTime(r.now.endsAt, tz)}`
        : "— libre";
      const next = r.next ? `${formatTime(r.next.startsAt, tz)} ${r.next.title}` : "—";
      lines.push(
        <Text key={`r-${r.room}`}>
          {fit(shortRoom(r.room), roomWidth)} {fit(current, nowWidth)}{" "}
          <Text color={theme.muted}>{fit(next, nextWidth)}</Text>
        </Text>,
      );
    }
  } else {
    lines.push(
      <Text key="nn" color={theme.muted}>
        {fit(stateSentence(state, edition, now), width)}
      </Text>,
    );
  }

  if (counts && counts.totals.confirmed + counts.totals.waitlisted === 0) {
    lines.push(<Text key="sp2"> </Text>);
    lines.push(
      <Text key="none" color={theme.muted}>
        {fit("Par subdivision : aucune inscription pour l'instant.", width)}
      </Text>,
    );
  } else if (counts) {
    lines.push(<Text key="sp2"> </Text>);
    const rows = counts.bySubdivision
      .filter((s) => s.name.toLowerCase().includes(filter.toLowerCase()))
      .sort((a, b) => b.confirmed - a.confirmed || a.name.localeCompare(b.name, "fr"));
    const room = height - lines.length - 2;
    const shown = rows.slice(0, Math.max(0, rows.length > room ? room - 1 : room));
    lines.push(
      <Text key="sh" bold>
        {fit("Par subdivision : arrivés █ · inscrits ▒", width)}
      </Text>,
    );
    const max = Math.max(1, ...rows.map((s) => s.confirmed));
    const nameWidth = 18;
    const barWidth = Math.max(5, width - nameWidth - 14);
    for (const s of shown)
      lines.push(
        <Text key={s.subdivisionId}>
          {fit(s.name, nameWidth)}{" "}
          <Bar done={s.checkedIn} total={s.confirmed} max={max} width={barWidth} />{" "}
          {`${s.checkedIn}/${s.confirmed}`.padStart(11)}
        </Text>,
      );
    if (shown.length < rows.length)
      lines.push(
        <Text key="more" color={theme.muted}>
          {fit(`… et ${rows.length - shown.length} autres (écran 3 Subdivisions)`, width)}
        </Text>,
      );
  }
  return <Box flexDirection="column">{lines.slice(0, height)}</Box>;
}

/** What is true of the congress outside its days (the domain's edition state decides). */
function stateSentence(
  state: ReturnType<typeof congressState>,
  edition: DashboardData["edition"],
  now: Date,
): string {
  const last = formatShortDate(edition.lastDay);
  if (state === "archived") return `Édition archivée (lecture seule) : congrès terminé le ${last}.`;
  if (state === "finished")
    return `Congrès terminé le ${last} : plus de session en cours ni à venir.`;
  return `Congrès à venir, ${editionMoment(edition, now)} : « maintenant / ensuite » s'affichera à partir du ${formatShortDate(edition.firstDay)}.`;
}
