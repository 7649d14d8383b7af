import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** The registration code as a QR code the check-in desk's scanner reads. */
export function QrCode({ value, size = 220 }: { value: string; size?: number }) {
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
  return (
    <img
      className="qr"
      src={src}
      width={size}
      height={size}
      alt={`QR code de votre code d'inscription ${value}`}
    />
  );
}
