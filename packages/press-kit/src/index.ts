/**
 * The press kit as a PDF: react-pdf components, one per section (src/sections), fed the domain's
 * PressKitModel. Every .tsx file starts with a `@jsxRuntime automatic` pragma, so that it compiles
 * the same whichever tsconfig tsx finds (the server and the CLI run from the repository root).
 */
export { renderBadges } from "./badges/render";
export { renderCertificates } from "./certificate/render";
export { registerFonts } from "./fonts";
export { renderProgramme } from "./programme/render";
export { type RenderedPressKit, renderPressKit, renderPressKitWithReport } from "./render";
