/** The programme: its grid, conflicts and its open formats (iCalendar, frab/c3voc, print, import). */
export * from "./calendar";
export * from "./conflicts";
export * from "./frab";
export * from "./frab-import";
export * from "./grid";
export * from "./open-formats";
export * from "./printable";
export * from "./programme";
