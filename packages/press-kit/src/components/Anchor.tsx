/** @jsxRuntime automatic @jsxImportSource react */
import { View } from "@react-pdf/renderer";
import { destination, useRender } from "../context";

/**
 * An invisible mark where a section or item starts: a link destination, and a render callback
 * that records the page it lands on (react-pdf calls it again whenever the page changes).
 */
export function Anchor({ id }: { id: string }) {
  const { log } = useRender();
  return (
    <View
      id={destination(id)}
      render={({ pageNumber }) => {
        log.starts.set(id, pageNumber);
        return null;
      }}
    />
  );
}
