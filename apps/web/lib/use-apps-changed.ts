"use client";

import { useRouter } from "next/navigation";

import { trpc } from "@calcom/trpc/react";
import { showToast } from "@calcom/ui/components/toast";

/**
 * After an app was installed or uninstalled: say so, fetch again everything the page knows, and draw
 * the page again (the navigation is drawn on the server from what is installed).
 */
export function useAppsChanged(): (message: string) => void {
  const utils = trpc.useUtils();
  const router = useRouter();
  return (message) => {
    showToast(message, "success");
    void utils.invalidate();
    router.refresh();
  };
}

/** Installs an app from where the user stands (the calendar's note, an app page's prompt). */
export function useInstallApp(name: string) {
  const appsChanged = useAppsChanged();
  return trpc.viewer.apps.install.useMutation({ onSuccess: () => appsChanged(`${name} installed.`) });
}
