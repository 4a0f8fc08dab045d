"use client";

import { useState } from "react";

import { useAppLocale } from "./use-app-locale";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { errorMessage } from "./format";
import { useFormatInZone } from "./use-format-in-zone";

const MAX = 10_000;
// A note's counter or date on one side, its buttons on the other.
const ROW = "mt-1.5 flex items-center justify-between gap-2";

/** Private notes: only the signed-in author's notes are ever fetched. Rendered as plain text. */
export function NotesPanel({ bookingId, timeZone }: { bookingId: number; timeZone: string }) {
  const { t } = useAppLocale();
  const formatInZone = useFormatInZone();
  const utils = trpc.useUtils();
  const notes = trpc.viewer.appSessionCheckout.listNotes.useQuery({ bookingId });
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: number; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => utils.viewer.appSessionCheckout.listNotes.invalidate({ bookingId });
  const onError = (e: unknown) => setError(errorMessage(e, t));
  const succeeded = (message: string, then?: () => void) => async () => {
    then?.();
    setError(null);
    showToast(message, "success");
    await refresh();
  };
  const add = trpc.viewer.appSessionCheckout.addNote.useMutation({ onSuccess: succeeded(t("session_checkout_note_added"), () => setDraft("")), onError });
  const update = trpc.viewer.appSessionCheckout.updateNote.useMutation({ onSuccess: succeeded(t("session_checkout_note_saved"), () => setEditing(null)), onError });
  const remove = trpc.viewer.appSessionCheckout.deleteNote.useMutation({ onSuccess: succeeded(t("session_checkout_note_deleted"), () => setDeleting(null)), onError });
  // A note is deleted for good: asked first.
  const [deleting, setDeleting] = useState<number | null>(null);

  return (
    <div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ bookingId, body: draft });
        }}
      >
        <label htmlFor={`sc-note-new-${bookingId}`}>{t("session_checkout_new_note_label")}</label>
        <textarea id={`sc-note-new-${bookingId}`} value={draft} maxLength={MAX} rows={3} onChange={(e) => setDraft(e.target.value)} />
        <div className={ROW}>
          <span className="text-subtle text-sm">{t("session_checkout_note_length", { length: draft.length, max: MAX })}</span>
          <Button type="submit" loading={add.isPending} disabled={draft.trim().length === 0}>
            {t("session_checkout_add_note")}
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="bg-error text-error rounded-md px-3 py-2">
          {error}
        </p>
      ) : null}
      {notes.isLoading ? <p className="text-subtle text-sm">{t("session_checkout_loading_notes")}</p> : null}
      <ul className="list-disc space-y-1 pl-4.5" aria-label={t("session_checkout_your_notes")}>
        {notes.data?.map((note) => (
          <li key={note.id} className="mb-3">
            {editing?.id === note.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  update.mutate({ noteId: note.id, body: editing.body });
                }}
              >
                <label htmlFor={`sc-note-${note.id}`} className="sr-only">
                  {t("session_checkout_edit_note")}
                </label>
                <textarea id={`sc-note-${note.id}`} value={editing.body} maxLength={MAX} rows={3} onChange={(e) => setEditing({ id: note.id, body: e.target.value })} />
                <div className={ROW}>
                  <Button color="secondary" onClick={() => setEditing(null)}>
                    {t("session_checkout_cancel")}
                  </Button>
                  <Button type="submit" loading={update.isPending}>
                    {t("session_checkout_save_note")}
                  </Button>
                </div>
              </form>
            ) : (
              <>
                <p className="m-0 whitespace-pre-wrap">{note.body}</p>
                <div className={ROW}>
                  <span className="text-subtle text-sm">{formatInZone(note.updatedAt, timeZone)}</span>
                  <span>
                    <Button color="minimal" onClick={() => setEditing({ id: note.id, body: note.body })}>
                      {t("session_checkout_edit")}
                    </Button>
                    <Button color="minimal" onClick={() => setDeleting(note.id)} aria-label={t("session_checkout_delete_note")}>
                      {t("session_checkout_delete")}
                    </Button>
                  </span>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {notes.data?.length === 0 ? <p className="text-subtle text-sm">{t("session_checkout_no_notes")}</p> : null}
      {deleting !== null ? (
        <Dialog open onOpenChange={(open) => !open && setDeleting(null)}>
          <ConfirmationDialogContent
            variety="danger"
            title={t("session_checkout_delete_note_title")}
            confirmBtnText={t("session_checkout_delete_note")}
            cancelBtnText={t("session_checkout_cancel")}
            isPending={remove.isPending}
            onConfirm={() => remove.mutate({ noteId: deleting })}
          >
            {t("session_checkout_delete_note_description")}
          </ConfirmationDialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
