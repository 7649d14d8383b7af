/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Page, View } from "@react-pdf/renderer";
import type { BadgeSheets } from "@tribune/domain/union";
import { Badge } from "./Badge";
import { CropMarks } from "./CropMarks";
import { perSheet, sheetLayout } from "./layout";

/**
 * Badges on A4 sheets, ready to print at 100 % and cut along the crop marks: A6 four to a
 * sheet, or credit-card size ten to a sheet. The order is the model's (by surname).
 */
export function BadgesDocument({ model }: { model: BadgeSheets }) {
  const layout = sheetLayout(model.format);
  const size = perSheet(layout);
  const sheets = Array.from({ length: Math.ceil(model.badges.length / size) }, (_, i) =>
    model.badges.slice(i * size, (i + 1) * size),
  );
  const language = { language: "fr-FR" } as object;
  return (
    <Document
      title={`Badges — ${model.edition.number}e congrès (${model.edition.year})`}
      author="Tribune"
      {...language}
    >
      {sheets.map((badges, sheet) => (
        <Page key={badges[0]?.code ?? sheet} size="A4" style={{ position: "relative" }}>
          {badges.map((badge, i) => (
            <View
              key={badge.code}
              style={{
                position: "absolute",
                left: layout.left + (i % layout.columns) * layout.width,
                top: layout.top + Math.floor(i / layout.columns) * layout.height,
              }}
            >
              <Badge
                badge={badge}
                edition={model.edition}
                unionName={model.unionName}
                format={model.format}
                width={layout.width}
                height={layout.height}
              />
            </View>
          ))}
          <CropMarks layout={layout} />
        </Page>
      ))}
    </Document>
  );
}
