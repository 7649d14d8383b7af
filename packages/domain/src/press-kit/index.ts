export * from "./build";
export * from "./contacts";
export * from "./editorial";
export * from "./figures";
export * from "./french";
export * from "./model";
export * from "./rich-text";
export * from "./sections";
