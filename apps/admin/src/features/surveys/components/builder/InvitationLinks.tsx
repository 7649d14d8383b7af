import { useMutation } from "@tanstack/react-query";
import { formatCount, pluralForm } from "@tribune/domain/format";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../../../app/trpc";
import { downloadText } from "../../../union/shared";

/**
 * One-time response links for an invitation-only survey: generated here, downloaded once as a
 * list to send by e-mail (only their hashes stay on the server, so they cannot be shown again).
 */
export function InvitationLinks({ surveyId, slug }: { surveyId: string; slug: string }) {
  const trpc = useTRPC();
  const [count, setCount] = useState(100);
  const [issued, setIssued] = useState<number | null>(null);
  const issue = useMutation(
    trpc.survey.issueTokens.mutationOptions({
      onSuccess: (tokens) => {
        const base = `${window.location.origin}/public/enquete/${slug}?jeton=`;
        downloadText(
          `liens-${slug}.txt`,
          `${tokens.map((t) => base + t).join("\n")}\n`,
          "text/plain;charset=utf-8",
        );
        setIssued(tokens.length);
      },
    }),
  );
  return (
    <div className="survey-toolbar">
      <label>
        Liens à usage unique
        <input
          type="number"
          min={1}
          max={20000}
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        className="button"
        disabled={issue.isPending || count < 1}
        onClick={() => issue.mutate({ id: surveyId, count })}
      >
        Générer et télécharger
      </button>
      <span role="status">
        {issued !== null &&
          `${formatCount(issued, "lien téléchargé", "liens téléchargés")} : ${pluralForm(issued, "il ne sera plus affiché", "ils ne seront plus affichés")}.`}
      </span>
      {issue.error && (
        <p role="alert" className="notice notice--error">
          {errorMessage(issue.error)}
        </p>
      )}
    </div>
  );
}
