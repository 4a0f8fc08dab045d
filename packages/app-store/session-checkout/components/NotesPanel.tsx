"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { errorMessage, formatInZone } from "./format";

const MAX = 10_000;

/** Private notes: only the signed-in author's notes are ever fetched. Rendered as plain text. */
export function NotesPanel({ bookingId, timeZone }: { bookingId: number; timeZone: string }) {
  const utils = trpc.useUtils();
  const notes = trpc.viewer.appSessionCheckout.listNotes.useQuery({ bookingId });
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: number; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => utils.viewer.appSessionCheckout.listNotes.invalidate({ bookingId });
  const onError = (e: unknown) => setError(errorMessage(e));
  const succeeded = (message: string, then?: () => void) => async () => {
    then?.();
    setError(null);
    showToast(message, "success");
    await refresh();
  };
  const add = trpc.viewer.appSessionCheckout.addNote.useMutation({ onSuccess: succeeded("Note added.", () => setDraft("")), onError });
  const update = trpc.viewer.appSessionCheckout.updateNote.useMutation({ onSuccess: succeeded("Note saved.", () => setEditing(null)), onError });
  const remove = trpc.viewer.appSessionCheckout.deleteNote.useMutation({ onSuccess: succeeded("Note deleted.", () => setDeleting(null)), onError });
  // A note is deleted for good: asked first.
  const [deleting, setDeleting] = useState<number | null>(null);

  return (
    <div className="sc-notes">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ bookingId, body: draft });
        }}
      >
        <label htmlFor={`sc-note-new-${bookingId}`}>New private note (only you can see it)</label>
        <textarea id={`sc-note-new-${bookingId}`} value={draft} maxLength={MAX} rows={3} onChange={(e) => setDraft(e.target.value)} />
        <div className="sc-row">
          <span className="sc-muted">{draft.length.toLocaleString("en-US")} / {MAX.toLocaleString("en-US")}</span>
          <Button type="submit" loading={add.isPending} disabled={draft.trim().length === 0}>
            Add note
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="sc-error">
          {error}
        </p>
      ) : null}
      {notes.isLoading ? <p className="sc-muted">Loading notes…</p> : null}
      <ul className="sc-note-list" aria-label="Your notes">
        {notes.data?.map((note) => (
          <li key={note.id} className="sc-note">
            {editing?.id === note.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  update.mutate({ noteId: note.id, body: editing.body });
                }}
              >
                <label htmlFor={`sc-note-${note.id}`} className="sc-visually-hidden">
                  Edit note
                </label>
                <textarea id={`sc-note-${note.id}`} value={editing.body} maxLength={MAX} rows={3} onChange={(e) => setEditing({ id: note.id, body: e.target.value })} />
                <div className="sc-row">
                  <Button color="secondary" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                  <Button type="submit" loading={update.isPending}>
                    Save note
                  </Button>
                </div>
              </form>
            ) : (
              <>
                <p className="sc-note-body">{note.body}</p>
                <div className="sc-row">
                  <span className="sc-muted">{formatInZone(note.updatedAt, timeZone)}</span>
                  <span>
                    <Button color="minimal" onClick={() => setEditing({ id: note.id, body: note.body })}>
                      Edit
                    </Button>
                    <Button color="minimal" onClick={() => setDeleting(note.id)} aria-label="Delete note">
                      Delete
                    </Button>
                  </span>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {notes.data?.length === 0 ? <p className="sc-muted">No notes yet.</p> : null}
      {deleting !== null ? (
        <Dialog open onOpenChange={(open) => !open && setDeleting(null)}>
          <ConfirmationDialogContent
            variety="danger"
            title="Delete this note?"
            confirmBtnText="Delete note"
            cancelBtnText="Cancel"
            isPending={remove.isPending}
            onConfirm={() => remove.mutate({ noteId: deleting })}
          >
            The note is deleted for good: it cannot be brought back.
          </ConfirmationDialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
