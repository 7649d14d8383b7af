/** @jsxRuntime automatic @jsxImportSource react */
import type { CertificateBook } from "@tribune/domain/union";
import { renderToPdf } from "../pdf-buffer";
import { CertificateDocument } from "./CertificateDocument";

/** Attendance certificates as a PDF file (one page each), with its page count. */
export function renderCertificates(
  model: CertificateBook,
): Promise<{ pdf: Buffer; pageCount: number }> {
  return renderToPdf(<CertificateDocument model={model} />);
}
