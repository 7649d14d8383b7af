/**
 * Puts the focus back on `element` (the button that opened a dialog or an editor), or, when
 * that element went away with what it edited or deleted, on the page's heading, so that a
 * keyboard or screen-reader user is never left at the top of the document.
 *
 * Runs once React has finished the current commit: the row holding `element` may be removed
 * in the same commit that closes the dialog.
 */
export function restoreFocus(element: Element | null) {
  queueMicrotask(() => {
    const active = document.activeElement;
    // Someone else took the focus meanwhile (another dialog, a field): leave it there.
    if (active && active !== document.body && active !== element) return;
    if (element instanceof HTMLElement && element.isConnected) {
      element.focus();
      return;
    }
    const heading =
      document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus();
  });
}
