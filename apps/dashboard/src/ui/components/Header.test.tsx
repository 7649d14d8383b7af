import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { SCREENS } from "../screens";
import { Header } from "./Header";

describe("Header", () => {
  it("shows the edition, the moment, the screens and brackets the current one", () => {
    const { lastFrame } = render(
      <Header
        title="Tribune · 26e congrès"
        moment="jour 1, 10:42"
        status={{ online: true, since: null }}
        screens={SCREENS}
        current="programme"
        width={80}
      />,
    );
    expect(lastFrame()).toContain("Tribune · 26e congrès · jour 1, 10:42");
    expect(lastFrame()).toContain("● en ligne");
    expect(lastFrame()).toContain("[2 Programme]");
    expect(lastFrame()).not.toContain("[1 Aperçu]");
  });
  it("says since when the server is gone, in words", () => {
    const { lastFrame } = render(
      <Header
        title="Tribune"
        moment="jour 1"
        status={{ online: false, since: "10:42" }}
        screens={SCREENS}
        current="apercu"
        width={80}
      />,
    );
    expect(lastFrame()).toContain("hors ligne depuis 10:42");
  });
});
