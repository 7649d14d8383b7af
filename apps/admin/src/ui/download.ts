/**
 * Downloads a PDF from one of the server's plain routes, so that a refusal (nobody to print,
 * a link no longer valid) is shown in French on the page instead of saved as a file.
 */
export async function downloadPdf(url: string, fileName: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? "Le document n'a pas pu être produit : réessayez.");
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
