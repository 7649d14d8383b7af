import type { LiveCounts } from "@tribune/domain/union";
import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { fixedClock } from "../clock";
import { type AuthState, createReauth } from "../reauth";
import { sampleCounts, sampleData, sampleDossiers } from "../test-fixtures";
import { App } from "./App";
import type { LiveSource } from "./hooks/useLive";
import { KEYS, tick } from "./test-keys";

const clock = fixedClock("2026-01-22T09:42:00.000Z"); // 10:42 in Paris
const size = { columns: 80, rows: 24 };

/** A live source the test drives by hand. */
function manualLive() {
  let handlers: Parameters<LiveSource["subscribe"]>[0] | null = null;
  const source: LiveSource = {
    subscribe: (h) => {
      handlers = h;
      return () => {
        handlers = null;
      };
    },
  };
  return {
    source,
    push: (c: LiveCounts) => handlers?.onCounts(c),
    drop: () => handlers?.onOffline(),
  };
}

describe("App", () => {
  it("switches to the Dossiers screen with 5, filter included, within 80×24", async () => {
    const { lastFrame, stdin } = render(
      <App data={sampleData({ dossiers: sampleDossiers() })} clock={clock} size={size} />,
    );
    await tick();
    stdin.write("5");
    await tick();
    const frame = lastFrame() ?? "";
    expect(frame).toContain("[5 Dossiers]");
    expect(frame).toContain("REPRÉSENTER");
    expect(frame).toContain("13/10/2023  Grève des internes");
    expect(frame).toContain("Tab/1-5");
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThan(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    stdin.write("/");
    await tick();
    for (const c of "internat") stdin.write(c);
    await tick();
    stdin.write(KEYS.enter);
    await tick();
    expect(lastFrame()).toContain("› Guide de l'internat");
    expect(lastFrame()).not.toContain("REPRÉSENTER");
  });

  it("leaves the Dossiers screen out when the server does not give them", async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} clock={clock} size={size} />);
    expect(lastFrame()).not.toContain("Dossiers");
    await tick();
    stdin.write("5");
    await tick();
    expect(lastFrame()).toContain("[1 Aperçu]");
  });

  it("opens on the overview, shorter than the terminal, with the keys in the footer", () => {
    const frame = render(<App data={sampleData()} clock={clock} size={size} />).lastFrame() ?? "";
    expect(frame).toContain("[1 Aperçu]");
    expect(frame).toContain("jour 1, 10:42");
    expect(frame).toContain("Maintenant / ensuite — 10:42");
    expect(frame).toContain("q quitter");
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThan(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it("switches screens with number keys and Tab, and shows help with ?", async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} clock={clock} size={size} />);
    await tick();
    stdin.write("2");
    await tick();
    expect(lastFrame()).toContain("[2 Programme]");
    expect(lastFrame()).toContain("Jour 1/2");
    stdin.write(KEYS.tab);
    await tick();
    expect(lastFrame()).toContain("[3 Subdivisions]");
    stdin.write(KEYS.tab);
    await tick();
    expect(lastFrame()).toContain("[4 Enquêtes]");
    stdin.write(KEYS.tab);
    await tick();
    expect(lastFrame()).toContain("[1 Aperçu]");
    stdin.write("?");
    await tick();
    expect(lastFrame()).toContain("Aide — touches");
    stdin.write(KEYS.escape);
    await tick(80);
    expect(lastFrame()).not.toContain("Aide — touches");
  });

  it("filters with / and clears with Esc", async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} clock={clock} size={size} />);
    await tick();
    stdin.write("3");
    await tick();
    stdin.write("/");
    await tick();
    stdin.write("dij");
    await tick();
    expect(lastFrame()).toContain("Filtre : dij");
    stdin.write(KEYS.enter);
    await tick();
    expect(lastFrame()).toContain("Filtre « dij »");
    expect(lastFrame()).toContain("Dijon");
    expect(lastFrame()).not.toContain("Amiens");
    stdin.write(KEYS.escape);
    await tick(80);
    expect(lastFrame()).toContain("sur 23");
    expect(lastFrame()).not.toContain("Filtre");
  });

  it("counts the days to go before the congress in the header", () => {
    const before = fixedClock("2026-01-10T12:00:00.000Z");
    const frame = render(<App data={sampleData()} clock={before} size={size} />).lastFrame();
    expect(frame).toContain("Tribune · 26e congrès · dans 12 jours (J-12)");
  });

  it("leaves out the subdivisions screen when there are no counts", () => {
    const frame = render(
      <App data={sampleData({ counts: null })} clock={clock} size={size} />,
    ).lastFrame();
    expect(frame).not.toContain("Subdivisions");
  });

  it("updates counts live without a key, says when it went offline and keeps the data", async () => {
    const live = manualLive();
    const data = sampleData();
    const { lastFrame } = render(
      <App data={data} clock={clock} live={live.source} size={size} screen="subdivisions" />,
    );
    await tick();
    expect(lastFrame()).toMatch(/Dijon\s+40\s+\d+\s+12 /);
    // Redraws are throttled: wait for the frame rather than for a fixed time (CI is loaded).
    const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 50 });
    live.push(sampleCounts(data.edition.id, 13));
    await eventually(() => expect(lastFrame()).toMatch(/Dijon\s+40\s+\d+\s+13 /));
    live.drop();
    await eventually(() => expect(lastFrame()).toContain("hors ligne depuis 10:42"));
    expect(lastFrame()).toMatch(/Dijon\s+40\s+\d+\s+13 /);
    live.push(sampleCounts(data.edition.id, 14));
    await eventually(() => expect(lastFrame()).toContain("● en ligne"));
    await eventually(() => expect(lastFrame()).toMatch(/Dijon\s+40\s+\d+\s+14 /));
  });

  it("asks the password on screen when the session expired, and goes back once it is right", async () => {
    const tried: string[] = [];
    const reauth = createReauth({
      email: "bureau@tribune.demo",
      logIn: async (_email, password) => {
        tried.push(password);
        if (password !== "le bon mot de passe") throw new Error("Mot de passe incorrect.");
      },
    });
    const { lastFrame, stdin } = render(
      <App data={sampleData()} clock={clock} size={size} reauth={reauth} />,
    );
    await tick();
    const renewed = reauth.renew();
    const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 50 });
    await eventually(() => expect(lastFrame()).toContain("Session expirée"));
    expect(lastFrame()).toContain("○ session expirée");
    stdin.write("q"); // typed into the password, not "quit"
    await eventually(() => expect(lastFrame()).toContain("Mot de passe : •▏"));
    stdin.write(KEYS.enter);
    await eventually(() => expect(lastFrame()).toContain("✗ Mot de passe incorrect."));
    stdin.write("le bon mot de passe");
    await tick();
    stdin.write(KEYS.enter);
    await renewed;
    expect(tried).toEqual(["q", "le bon mot de passe"]);
    await eventually(() => expect(lastFrame()).toContain("● en ligne"));
    expect(lastFrame()).toContain("[1 Aperçu]");
    expect(lastFrame()).not.toContain("Session expirée");
    expect((reauth.state() as AuthState).kind).toBe("ok");
  });

  it("moves to the next minute by itself, at the minute boundary", async () => {
    const origin = Date.now();
    // 10:42:59.7 in Paris, running at normal speed.
    const running = () => new Date(Date.parse("2026-01-22T09:42:59.700Z") + Date.now() - origin);
    const { lastFrame } = render(<App data={sampleData()} clock={running} size={size} />);
    expect(lastFrame()).toContain("Maintenant / ensuite — 10:42");
    await vi.waitFor(() => expect(lastFrame()).toContain("Maintenant / ensuite — 10:43"), {
      timeout: 3000,
      interval: 50,
    });
    expect(lastFrame()).toContain("jour 1, 10:43");
  });
});
