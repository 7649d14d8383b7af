/** GET /api/editions/:year/press-kit.pdf in the session of `fetchWithCookies`. */
export async function downloadPressKit(
  server: string,
  year: number,
  fetchWithCookies: typeof fetch,
): Promise<{ ok: true; pdf: Uint8Array; pageCount: number } | { ok: false; message: string }> {
  const res = await fetchWithCookies(
    `${server.replace(/\/+$/, "")}/api/editions/${year}/press-kit.pdf`,
  );
  if (!res.ok) {
    // The server words its refusals in French ({ error }): busy, timeout, database unavailable.
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    return {
      ok: false,
      message:
        typeof body.error === "string"
          ? body.error
          : `Le serveur ${server} a répondu par une erreur (HTTP ${res.status}).`,
    };
  }
  const pdf = new Uint8Array(await res.arrayBuffer());
  return { ok: true, pdf, pageCount: pageCountOf(pdf) };
}

/** A PDF's page count, from its page tree (react-pdf writes one /Pages node with /Count). */
export function pageCountOf(pdf: Uint8Array): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(pdf).toString("latin1"));
  return match ? Number(match[1]) : 0;
}
