"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { Dialog, DialogContent } from "@calcom/ui/components/dialog";

import type { PreviewTemplate } from "../lib/services/template-preview";
import { errorMessage } from "./format";

const TEMPLATES: ReadonlyArray<{ template: PreviewTemplate; label: string }> = [
  { template: "survey-request", label: "Survey email" },
  { template: "survey-page", label: "Survey page" },
  { template: "low-rating-alert", label: "Low-rating alert" },
];

/** Buttons that show each template with sample data in the host's branding, in a dialog. */
export function TemplatePreviews() {
  const [open, setOpen] = useState<(typeof TEMPLATES)[number] | null>(null);
  return (
    <div className="sc-previews">
      <span className="sc-muted">Preview with sample data:</span>
      {TEMPLATES.map((entry) => (
        <Button key={entry.template} type="button" color="secondary" onClick={() => setOpen(entry)}>
          {entry.label}
        </Button>
      ))}
      {open ? <PreviewDialog template={open.template} label={open.label} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function PreviewDialog({ template, label, onClose }: { template: PreviewTemplate; label: string; onClose: () => void }) {
  const preview = trpc.viewer.appSessionCheckout.previewTemplate.useQuery({ template });
  return (
    <Dialog open onOpenChange={(isOpen) => !isOpen && onClose()}>
      <DialogContent title={`Preview: ${label}`} description={preview.data?.subject ? `Subject: ${preview.data.subject}` : undefined} size="lg">
        {preview.isLoading ? <p className="sc-muted">Rendering…</p> : null}
        {preview.error ? (
          <p role="alert" className="sc-error">
            {errorMessage(preview.error)}
          </p>
        ) : null}
        {/* sandbox: the preview runs no script and follows no link. */}
        {preview.data ? <iframe className="sc-preview-frame" title={`${label} preview`} srcDoc={preview.data.html} sandbox="" /> : null}
      </DialogContent>
    </Dialog>
  );
}
