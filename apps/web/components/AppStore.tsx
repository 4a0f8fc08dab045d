"use client";

import { useState } from "react";

import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { ConfirmationDialogContent, Dialog } from "@calcom/ui/components/dialog";
import { showToast } from "@calcom/ui/components/toast";

import { useAppsChanged } from "../lib/use-apps-changed";

/** The apps of the registry; install and uninstall for the signed-in user. */
export function AppStore() {
  const apps = trpc.viewer.apps.list.useQuery();
  const appsChanged = useAppsChanged();
  const done = (message: string) => () => appsChanged(message);
  const onError = (error: { message: string }) => showToast(error.message, "error");
  const install = trpc.viewer.apps.install.useMutation({ onSuccess: done("App installed."), onError });
  const uninstall = trpc.viewer.apps.uninstall.useMutation({ onSuccess: done("App uninstalled."), onError, onSettled: () => setUninstalling(null) });
  // Uninstalling takes an app's actions away from the calendar: asked first.
  const [uninstalling, setUninstalling] = useState<{ slug: string; name: string } | null>(null);
  return (
    <>
    {uninstalling ? (
      <Dialog open onOpenChange={(open) => !open && !uninstall.isPending && setUninstalling(null)}>
        <ConfirmationDialogContent
          variety="danger"
          title={`Uninstall ${uninstalling.name}?`}
          confirmBtnText="Uninstall"
          isPending={uninstall.isPending}
          onConfirm={() => uninstall.mutate({ slug: uninstalling.slug })}
        >
          Its actions leave your calendar and dialogs until you install it again. What it recorded — checkouts, notes, history — is kept.
        </ConfirmationDialogContent>
      </Dialog>
    ) : null}
    <ul className="app-list" aria-label="Apps">
      {(apps.data ?? []).map((app) => (
        <li key={app.slug} className="card app-card">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local svg icon */}
          <img src={app.logo} alt="" width={48} height={48} />
          <div>
            <h2>{app.name}</h2>
            <p>{app.description}</p>
            <p className="muted">
              {app.categories.join(", ")} · by {app.publisher} · {app.installed ? "Installed" : "Not installed"}
            </p>
          </div>
          {app.installed ? (
            <Button color="secondary" loading={uninstall.isPending} onClick={() => setUninstalling({ slug: app.slug, name: app.name })} aria-label={`Uninstall ${app.name}`}>
              Uninstall
            </Button>
          ) : (
            <Button loading={install.isPending} onClick={() => install.mutate({ slug: app.slug })} aria-label={`Install ${app.name}`}>
              Install
            </Button>
          )}
        </li>
      ))}
    </ul>
    </>
  );
}
