/** @jsxRuntime automatic @jsxImportSource react */
import { Path, Rect, Svg } from "@react-pdf/renderer";
import QRCode from "qrcode";

/**
 * A QR code drawn as vector paths (sharp at any printer's resolution): one square per dark
 * module, with the four-module quiet zone scanners need. Error correction M, as the e-mails'.
 */
export function QrCode({ value, size }: { value: string; size: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const total = modules.size + 2 * quiet;
  let d = "";
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${total} ${total}`}>
      <Rect x={0} y={0} width={total} height={total} fill="#FFFFFF" />
      <Path d={d} fill="#000000" />
    </Svg>
  );
}
