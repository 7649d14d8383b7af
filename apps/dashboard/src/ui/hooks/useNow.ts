import { useEffect, useState } from "react";
import type { Clock } from "../../clock";

/** The clock's time, refreshed every `everyMs` (the "now / next" lines move by the minute). */
export function useNow(clock: Clock, everyMs = 15_000): Date {
  const [now, setNow] = useState(() => clock());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
