import { describe, expect, it } from "vitest";
import { DomainError } from "../kernel/errors";
import { enforce } from "../kernel/refusal";
import {
  decideDossierText,
  decideMeetingDeletion,
  decideMotionChange,
  decideMotionDeletion,
  decideVote,
} from "./decisions";
import type { Motion } from "./motion";

const LILLE = "00000000-0000-4000-8000-000000000001";
const TOULOUSE = "00000000-0000-4000-8000-000000000002";

const motion: Motion = {
  id: "00000000-0000-4000-8000-0000000000aa",
  meetingId: "00000000-0000-4000-8000-0000000000bb",
  dossierId: null,
  title: "Motion",
  text: "Le CA demande…",
  rule: "simple",
  synthetic: false,
};

describe("decideVote", () => {
  const representative = { role: "representative" as const, subdivisionId: LILLE };
  const admin = { role: "admin" as const, subdivisionId: null };

  it("records a representative's vote for their own subdivision, said or not", () => {
    expect(decideVote(representative, {}, [])).toEqual({
      ok: true,
      subdivisionId: LILLE,
      previous: null,
    });
    expect(
      decideVote(representative, { subdivisionId: LILLE }, [
        { subdivisionId: TOULOUSE, choice: "against" },
        { subdivisionId: LILLE, choice: "for" },
      ]),
    ).toEqual({ ok: true, subdivisionId: LILLE, previous: "for" });
  });

  it("refuses, in French, a representative's vote for another subdivision", () => {
    expect(decideVote(representative, { subdivisionId: TOULOUSE }, [])).toEqual({
      ok: false,
      refusal: {
        reason: "vote_for_other_subdivision",
        code: "forbidden",
        message: "Vous ne pouvez voter que pour votre propre subdivision.",
      },
    });
  });

  it("refuses a voter attached to no subdivision", () => {
    const bureau = { role: "bureau" as const, subdivisionId: null };
    expect(decideVote(bureau, {}, [])).toMatchObject({
      ok: false,
      refusal: { code: "forbidden", message: "Votre compte n'est rattaché à aucune subdivision." },
    });
  });

  it("lets admin record any subdivision's vote, once it names it", () => {
    expect(decideVote(admin, { subdivisionId: TOULOUSE }, [])).toEqual({
      ok: true,
      subdivisionId: TOULOUSE,
      previous: null,
    });
    expect(decideVote(admin, {}, [])).toMatchObject({
      ok: false,
      refusal: {
        code: "invalid",
        message: "Indiquez la subdivision dont vous enregistrez le vote.",
      },
    });
  });
});

describe("a voted motion", () => {
  it("takes any change before the first vote", () => {
    expect(decideMotionChange(motion, { text: "Autre", rule: "two_thirds" }, 0).ok).toBe(true);
    expect(decideMotionDeletion(0).ok).toBe(true);
  });

  it("locks its text, rule and meeting once voted; the title stays free", () => {
    for (const change of [
      { text: "Autre texte" },
      { rule: "two_thirds" as const },
      { meetingId: "00000000-0000-4000-8000-0000000000cc" },
    ])
      expect(decideMotionChange(motion, change, 1)).toEqual({
        ok: false,
        refusal: {
          reason: "motion_locked_by_votes",
          code: "locked",
          message:
            "1 subdivision a déjà voté cette motion : son texte, sa règle et son Conseil ne peuvent plus changer.",
        },
      });
    expect(decideMotionChange(motion, { title: "Motion sur les gardes" }, 3).ok).toBe(true);
    // The same text sent again is no change.
    expect(decideMotionChange(motion, { text: motion.text, rule: "simple" }, 3).ok).toBe(true);
  });

  it("stays on record once voted", () => {
    expect(decideMotionDeletion(2)).toMatchObject({
      ok: false,
      refusal: {
        code: "locked",
        message: "2 subdivisions ont déjà voté cette motion : elle ne peut plus être supprimée.",
      },
    });
  });
});

describe("decideMeetingDeletion", () => {
  it("deletes a meeting only once it holds no motion, saying what to do first", () => {
    expect(decideMeetingDeletion(0).ok).toBe(true);
    expect(decideMeetingDeletion(1)).toMatchObject({
      ok: false,
      refusal: {
        code: "referenced",
        message:
          "Ce Conseil d'Administration porte 1 motion : supprimez-la ou rattachez-la à un autre Conseil d'abord.",
      },
    });
    expect(decideMeetingDeletion(2)).toMatchObject({
      refusal: {
        message:
          "Ce Conseil d'Administration porte 2 motions : supprimez-les ou rattachez-les à un autre Conseil d'abord.",
      },
    });
  });
});

describe("decideDossierText", () => {
  it("refuses a text the press kit could not print, naming the body as the field at fault", () => {
    const known = new Set(["tt-moyenne"]);
    expect(decideDossierText({ body: ["{{tt-moyenne}} h"], figureIds: [] }, known).ok).toBe(true);
    const refused = decideDossierText({ body: ["{{tt-inconnu}}"], figureIds: [] }, known);
    expect(refused).toEqual({
      ok: false,
      refusal: {
        reason: "dossier_text_unprintable",
        code: "invalid",
        message: "Chiffre clé inconnu : {{tt-inconnu}}.",
        fieldErrors: { body: ["Chiffre clé inconnu : {{tt-inconnu}}."] },
      },
    });
  });
});

describe("enforce", () => {
  it("gives what an allowed decision worked out, and throws a refusal as its domain error", () => {
    expect(enforce(decideMotionDeletion(0))).toEqual({ ok: true });
    let thrown: unknown;
    try {
      enforce(decideMotionDeletion(1));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: "locked",
      message: "1 subdivision a déjà voté cette motion : elle ne peut plus être supprimée.",
      details: { reason: "motion_kept_by_votes" },
    });
  });
});
