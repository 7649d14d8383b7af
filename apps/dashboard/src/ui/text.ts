/** Cuts a string to a width with an ellipsis, and pads it to exactly that width. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  const chars = [...text];
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** "Salle 2 : Clos de Vougeot" → "Salle 2": room names are long, columns are narrow. */
export const shortRoom = (name: string) => name.split(" : ")[0]?.trim() || name;

/** Breaks a sentence into lines of at most `width` characters, between words. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => fit(l, width));
}
