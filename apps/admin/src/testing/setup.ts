import { configureFrenchZodMessages } from "@tribune/domain/kernel";

// As main.tsx does for the running app.
configureFrenchZodMessages();

// happy-dom has no `HTMLSelectElement.size` (0 in browsers). react-hook-form reads it to tell
// whether a select was changed before the form was ready; without it every select looks
// changed, and its default value (a saved year, a role) gives way to the first option.
if (!("size" in HTMLSelectElement.prototype)) {
  Object.defineProperty(HTMLSelectElement.prototype, "size", {
    configurable: true,
    get(this: HTMLSelectElement) {
      return Number(this.getAttribute("size")) || 0;
    },
  });
}
