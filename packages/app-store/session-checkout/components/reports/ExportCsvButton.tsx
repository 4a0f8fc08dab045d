import { useState } from "react";

import { useAppLocale } from "../use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import type { TReportSessionsInputSchema } from "../../trpc/reportSessions.schema";
import { errorMessage } from "../format";
import { reportCsvFileName, reportSessionsCsv } from "./report-csv";

type Outcome = { kind: "done"; message: string } | { kind: "error"; message: string };

/** Downloads the sessions behind the report as CSV, made in the browser from the reportSessions query. */
export function ExportCsvButton({ input, scopeName, disabled }: { input: TReportSessionsInputSchema; scopeName: string | null; disabled: boolean }) {
  const { t } = useAppLocale();
  const utils = trpc.useUtils();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const exportCsv = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      // Always fresh: the file should hold what the database says now, not what was cached.
      const sessions = await utils.viewer.appSessionCheckout.reportSessions.fetch(input, { staleTime: 0 });
      download(reportSessionsCsv(sessions), reportCsvFileName(input, scopeName));
      setOutcome({
        kind: "done",
        message: sessions.truncated
          ? t("session_checkout_exported_first", { shown: sessions.rows.length, count: sessions.total })
          : t("session_checkout_exported", { count: sessions.rows.length }),
      });
    } catch (error) {
      setOutcome({ kind: "error", message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex max-w-sm flex-col items-end gap-1.5 text-right">
      <Button color="secondary" loading={busy} disabled={disabled} onClick={() => void exportCsv()}>
        {t("session_checkout_export_csv")}
      </Button>
      {outcome?.kind === "done" ? (
        <span role="status" className="text-subtle text-sm">
          {outcome.message}
        </span>
      ) : null}
      {outcome?.kind === "error" ? (
        <span role="alert" className="bg-error text-error inline-flex items-center gap-1 rounded-md px-3 py-2">
          {outcome.message}{" "}
          <Button color="minimal" onClick={() => void exportCsv()}>
            {t("session_checkout_retry")}
          </Button>
        </span>
      ) : null}
    </div>
  );
}

function download(text: string, fileName: string) {
  // The byte-order mark makes Excel read the file as UTF-8 (client names with accents).
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference by then; give it a moment before letting the blob go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
