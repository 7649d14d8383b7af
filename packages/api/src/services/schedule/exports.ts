/** The open formats of the programme, for the server's public documents and the CLI. */

export { openFigures, openFiguresCsv, openFiguresJson } from "../surveys/open-figures";
export { programmeCalendar } from "./calendar";
export { frabSchedule, frabScheduleJson, frabScheduleXml } from "./frab-export";
export { importProgramme } from "./import";
export type { OpenFormatQuery } from "./open-formats";
export { printableProgramme } from "./printable";
