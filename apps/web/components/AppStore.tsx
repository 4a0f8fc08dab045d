"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";
import { showToast } from "@calcom/ui/components/toast";

/** The apps of the registry; install and uninstall for the signed-in user. */
export function AppStore() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apps = useQuery(trpc.viewer.apps.list.queryOptions());
  const done = (message: string) => () => {
    showToast(message, "success");
    void queryClient.invalidateQueries();
  };
  const onError = (error: { message: string }) => showToast(error.message, "error");
  const install = useMutation(trpc.viewer.apps.install.mutationOptions({ onSuccess: done("App installed."), onError }));
  const uninstall = useMutation(trpc.viewer.apps.uninstall.mutationOptions({ onSuccess: done("App uninstalled."), onError }));
  return (
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
            <Button color="secondary" loading={uninstall.isPending} onClick={() => uninstall.mutate({ slug: app.slug })} aria-label={`Uninstall ${app.name}`}>
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
  );
}
