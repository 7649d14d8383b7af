import QRCode from "qrcode";
import { useEffect, useState } from "react";

/**
 * A value as a QR code: the registration code the check-in desk's scanner reads, or a link to
 * put on a slide. `alt` says what it encodes (default: the registration code).
 */
export function QrCode({
  value,
  size = 220,
  alt = `QR code de votre code d'inscription ${value}`,
}: {
  value: string;
  size?: number;
  alt?: string;
}) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: "M", margin: 2, width: size })
      .then((url) => alive && setSrc(url))
      .catch(() => alive && setSrc(null));
    return () => {
      alive = false;
    };
  }, [value, size]);
  if (!src) return <div className="qr qr--pending" style={{ width: size, height: size }} />;
  return <img className="qr" src={src} width={size} height={size} alt={alt} />;
}
