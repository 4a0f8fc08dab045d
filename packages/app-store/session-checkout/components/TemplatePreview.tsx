"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { Dialog, DialogContent } from "@calcom/ui/components/dialog";

import type { PreviewTemplate } from "../lib/services/template-preview";
import { errorMessage } from "./format";

const TEMPLATES: ReadonlyArray<{ template: PreviewTemplate; labelKey: string }> = [
  { template: "survey-request", labelKey: "session_checkout_template_survey_email" },
  { template: "survey-page", labelKey: "session_checkout_template_survey_page" },
  { template: "low-rating-alert", labelKey: "session_checkout_template_low_rating_alert" },
];

/** Buttons that show each template with sample data in the host's branding, in a dialog. */
export function TemplatePreviews() {
  const { t } = useAppLocale();
  const [open, setOpen] = useState<(typeof TEMPLATES)[number] | null>(null);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <span className="text-subtle text-sm">{t("session_checkout_preview_with_sample_data")}</span>
      {TEMPLATES.map((entry) => (
        <Button key={entry.template} type="button" color="secondary" onClick={() => setOpen(entry)}>
          {t(entry.labelKey)}
        </Button>
      ))}
      {open ? <PreviewDialog template={open.template} label={t(open.labelKey)} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function PreviewDialog({ template, label, onClose }: { template: PreviewTemplate; label: string; onClose: () => void }) {
  const { t } = useAppLocale();
  const preview = trpc.viewer.appSessionCheckout.previewTemplate.useQuery({ template });
  return (
    <Dialog open onOpenChange={(isOpen) => !isOpen && onClose()}>
      <DialogContent
        title={t("session_checkout_preview_title", { label })}
        description={preview.data?.subject ? t("session_checkout_preview_subject", { subject: preview.data.subject }) : undefined}
        size="lg"
      >
        {preview.isLoading ? <p className="text-subtle text-sm">{t("session_checkout_rendering")}</p> : null}
        {preview.error ? (
          <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
            {errorMessage(preview.error, t)}
          </p>
        ) : null}
        {/* sandbox: the preview runs no script and follows no link. */}
        {preview.data ? (
          <iframe
            className="border-subtle bg-subtle h-[70vh] w-full rounded-lg border"
            title={t("session_checkout_preview_frame_title", { label })}
            srcDoc={preview.data.html}
            sandbox=""
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
