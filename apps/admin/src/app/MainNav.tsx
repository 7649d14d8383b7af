import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import type { NavEntry, NavGroup } from "./Shell";

type Item =
  | { kind: "link"; entry: NavEntry }
  | { kind: "group"; name: NavGroup; entries: NavEntry[] };

/** Top-level items in order of first appearance: plain links, and groups with their entries. */
export function navItems(entries: readonly NavEntry[]): Item[] {
  const items: Item[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      items.push({ kind: "link", entry });
      continue;
    }
    const group = items.find((item) => item.kind === "group" && item.name === entry.group);
    if (group?.kind === "group") group.entries.push(entry);
    else items.push({ kind: "group", name: entry.group, entries: [entry] });
  }
  return items;
}

function EntryLink({
  entry,
  search,
  onNavigate,
}: {
  entry: NavEntry;
  search: string;
  onNavigate?: () => void;
}) {
  const rest =
    entry.short && entry.label.startsWith(entry.short)
      ? entry.label.slice(entry.short.length)
      : null;
  return (
    <NavLink to={{ pathname: entry.to, search }} onClick={onNavigate}>
      {rest === null ? (
        entry.label
      ) : (
        <>
          {entry.short}
          <span className="visually-hidden">{rest}</span>
        </>
      )}
    </NavLink>
  );
}

/**
 * The shell's main navigation: plain links and disclosure menus (a button with aria-expanded
 * controlling a list of links). One menu is open at a time; Escape closes it and gives the focus
 * back to its button, and so does leaving it with the keyboard or clicking elsewhere.
 */
export function MainNav({
  entries,
  search = "",
}: {
  entries: readonly NavEntry[];
  /** The query string every link carries (the chosen edition: "?edition=2027"), or "". */
  search?: string;
}) {
  const [open, setOpen] = useState<NavGroup | null>(null);
  const location = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const baseId = useId();

  // A new page closes the menu it was chosen from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger
  useEffect(() => setOpen(null), [location.pathname]);

  useEffect(() => {
    if (open === null) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, name: NavGroup) => {
    const group = event.currentTarget;
    const button = group.querySelector("button");
    const links = [...group.querySelectorAll<HTMLAnchorElement>(".shell__menu a")];
    if (event.key === "Escape" && open === name) {
      event.preventDefault();
      setOpen(null);
      button?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (open !== name) {
      setOpen(name);
      // The links appear with the next render.
      requestAnimationFrame(() => {
        const shown = [...group.querySelectorAll<HTMLAnchorElement>(".shell__menu a")];
        (event.key === "ArrowUp" ? shown.at(-1) : shown[0])?.focus();
      });
      return;
    }
    const next =
      event.key === "ArrowDown" ? (at + 1) % links.length : (at <= 0 ? links.length : at) - 1;
    links[next]?.focus();
  };

  // The focus moving to another element closes the menu. A blur to nowhere does not: Safari
  // gives no focus to a clicked link, and clicks outside are handled above.
  const onBlur = (event: FocusEvent<HTMLLIElement>, name: NavGroup) => {
    const next = event.relatedTarget;
    if (open === name && next instanceof Node && !event.currentTarget.contains(next)) {
      setOpen(null);
    }
  };

  return (
    <nav aria-label="Navigation principale" className="shell__navbar" ref={navRef}>
      <ul className="shell__nav">
        {navItems(entries).map((item) => {
          if (item.kind === "link") {
            return (
              <li key={item.entry.to}>
                <EntryLink entry={item.entry} search={search} />
              </li>
            );
          }
          const id = `${baseId}-${item.name}`;
          const expanded = open === item.name;
          const current = item.entries.some(
            (entry) =>
              location.pathname === entry.to || location.pathname.startsWith(`${entry.to}/`),
          );
          return (
            <li
              key={item.name}
              className="shell__group"
              onKeyDown={(event) => onKeyDown(event, item.name)}
              onBlur={(event) => onBlur(event, item.name)}
            >
              <button
                type="button"
                className={current ? "shell__toggle active" : "shell__toggle"}
                aria-expanded={expanded}
                aria-controls={id}
                onClick={() => setOpen(expanded ? null : item.name)}
              >
                {item.name}
                <span aria-hidden="true" className="shell__caret">
                  ▾
                </span>
              </button>
              <ul id={id} className="shell__menu" hidden={!expanded}>
                {item.entries.map((entry) => (
                  <li key={entry.to}>
                    <EntryLink entry={entry} search={search} onNavigate={() => setOpen(null)} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
