import { useState } from "react";
import { QrCode } from "../../../ui/QrCode";

/**
 * How the bureau shares a survey's public link: the address, a button that copies it, and a QR
 * code to put on a slide (the same QR code as a registration's), downloadable as an image.
 */
export function ShareLink({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <div className="share-link">
      <p className="share-link__url">
        <a href={url}>{url}</a>
      </p>
      <p>
        <button type="button" className="button" onClick={copy}>
          Copier le lien
        </button>
      </p>
      <p role="status" className="small">
        {copied === "yes" && "Lien copié."}
        {copied === "no" && "Copie impossible ici : sélectionnez le lien et copiez-le."}
      </p>
      <details className="share-link__qr">
        <summary>QR code pour une diapositive</summary>
        <QrCode value={url} size={320} alt={`QR code du lien de l'enquête « ${title} »`} />
      </details>
    </div>
  );
}
