/** @jsxRuntime automatic @jsxImportSource react */
import { Document } from "@react-pdf/renderer";
import type { KeyFigure, PressKitModel, PressKitSection } from "@tribune/domain/press-kit";
import type { ReactNode } from "react";
import { type PageLog, RenderContext, type RenderContextValue } from "./context";
import { Contacts } from "./sections/Contacts";
import { Contents } from "./sections/Contents";
import { Cover } from "./sections/Cover";
import { Highlights } from "./sections/Highlights";
import { Opening } from "./sections/Opening";
import { Pillar } from "./sections/Pillar";
import { Planning } from "./sections/Planning";
import { Word } from "./sections/Word";

function Section({ section }: { section: PressKitSection }): ReactNode {
  switch (section.kind) {
    case "cover":
      return <Cover section={section} />;
    case "contents":
      return <Contents section={section} />;
    case "opening":
      return <Opening section={section} />;
    case "highlights":
      return <Highlights section={section} />;
    case "planning":
      return <Planning section={section} />;
    case "president":
    case "bureau":
      return <Word section={section} />;
    case "pillar":
      return <Pillar section={section} />;
    case "contacts":
      return <Contacts section={section} />;
  }
}

export interface PressKitDocumentProps {
  model: PressKitModel;
  log: PageLog;
  createdAt: Date;
}

/** The whole press kit: one component per section, in the model's order. */
export function PressKitDocument({ model, log, createdAt }: PressKitDocumentProps) {
  const figures = new Map(model.figures.map((f) => [f.id, f]));
  const context: RenderContextValue = {
    model,
    log,
    figure(id): KeyFigure {
      const found = figures.get(id);
      if (!found) throw new Error(`The model has no figure "${id}"`);
      return found;
    },
  };
  // `language` sets the catalog's /Lang; react-pdf reads it but its types do not list it yet.
  const language = { language: model.meta.language } as object;
  return (
    <RenderContext.Provider value={context}>
      <Document
        title={model.meta.title}
        author={model.meta.author}
        subject={model.meta.subject}
        keywords={model.meta.keywords}
        creator="Tribune"
        producer="Tribune (@react-pdf/renderer)"
        creationDate={createdAt}
        pageMode="useOutlines"
        {...language}
      >
        {model.sections.map((section) => (
          <Section key={section.id} section={section} />
        ))}
      </Document>
    </RenderContext.Provider>
  );
}
