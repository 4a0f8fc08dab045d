"use client";

import { Button } from "@calcom/ui/components/button";

import { isRetryable } from "./format";
import { useAppLocale } from "./use-app-locale";

/** A request that failed, in words, with Retry where retrying can help (not for a refusal). */
export function LoadProblem({ error, message, retrying, onRetry }: { error: unknown; message: string; retrying: boolean; onRetry: () => void }) {
  const { t } = useAppLocale();
  return (
    <div role="alert" className="bg-error text-error flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2">
      <span>{message}</span>
      {isRetryable(error) ? (
        <Button color="secondary" loading={retrying} onClick={onRetry}>
          {t("session_checkout_retry")}
        </Button>
      ) : null}
    </div>
  );
}
