import { formatCongressDay } from "@tribune/domain/format";
import { type KeyboardEvent, useRef } from "react";

interface Props {
  days: string[];
  selected: string;
  onSelect(day: string): void;
  /** id of the tab panel the tabs control. */
  panelId: string;
}

/** One tab per day of the edition (ARIA tabs: arrows, Home and End move between days). */
export function DayTabs({ days, selected, onSelect, panelId }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = days.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(days[target] as string);
    refs.current[target]?.focus();
  };
  return (
    <div className="day-tabs" role="tablist" aria-label="Jours du congrès">
      {days.map((day, i) => (
        <button
          key={day}
          ref={(node) => {
            refs.current[i] = node;
          }}
          type="button"
          role="tab"
          id={`tab-${day}`}
          aria-selected={day === selected}
          aria-controls={panelId}
          tabIndex={day === selected ? 0 : -1}
          className="day-tabs__tab"
          onClick={() => onSelect(day)}
          onKeyDown={(event) => onKeyDown(event, i)}
        >
          {formatCongressDay(day)}
        </button>
      ))}
    </div>
  );
}
