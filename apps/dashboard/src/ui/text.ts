/** Cuts a string to a width with an ellipsis, and pads it to exactly that width. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  const chars = [...text];
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** "Salle 2 : Clos de Vougeot" → "Salle 2": room names are long, columns are narrow. */
export const shortRoom = (name: string) => name.split(" : ")[0]?.trim() || name;

/** "1 234" with French grouping (a plain space: terminals render U+202F unevenly). */
export const number = (n: number) => new Intl.NumberFormat("fr-FR").format(n).replace(/\s/g, " ");
