import { useEffect, useState } from "react";
import type { Clock } from "../../clock";

const MINUTE_MS = 60_000;

/**
 * The clock's time, refreshed just after each minute boundary of that clock: "now / next"
 * and the header's "jour 1, 10:42" change by the minute, so redrawing more often is waste.
 */
export function useNow(clock: Clock): Date {
  const [now, setNow] = useState(() => clock());
  useEffect(() => {
    let timer: NodeJS.Timeout;
    const schedule = () => {
      // A few milliseconds past the boundary, so that the new minute has surely begun.
      const wait = MINUTE_MS - (clock().getTime() % MINUTE_MS) + 5;
      timer = setTimeout(() => {
        setNow(clock());
        schedule();
      }, wait);
    };
    setNow(clock());
    schedule();
    return () => clearTimeout(timer);
  }, [clock]);
  return now;
}
