/** "jeudi 22 janvier" → "Jeudi 22 janvier", for a day that starts a sentence or a title. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
