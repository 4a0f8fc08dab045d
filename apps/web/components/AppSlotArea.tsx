"use client";

import { appPagesSlot, settingsSlot } from "@calcom/app-store/apps.browser.generated";
import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";
import { trpc } from "@calcom/trpc/react";
import { Button } from "@calcom/ui/components/button";

import { useInstallApp } from "../lib/use-apps-changed";
import { useSlotComponents } from "./slots";

/** An app that is not installed: say so, and offer to install it right here. */
function InstallPrompt({ slug, name }: { slug: AppStoreSlug; name: string }) {
  const install = useInstallApp(name);
  return (
    <div className="install-prompt">
      <p>{name} is not installed for your account.</p>
      <Button loading={install.isPending} onClick={() => install.mutate({ slug })}>
        Install {name}
      </Button>
      {install.error ? <p role="alert" className="error">{install.error.message}</p> : null}
    </div>
  );
}

function useApps() {
  return trpc.viewer.apps.list.useQuery();
}

/** Settings > Calendar > General: each app's settings section, or an offer to install the app. */
export function SettingsSlots({ timeZone }: { timeZone: string }) {
  const apps = useApps();
  const withSettings = (apps.data ?? []).filter((app) => settingsSlot[app.slug as AppStoreSlug]);
  const sections = useSlotComponents(settingsSlot, withSettings.filter((app) => app.installed).map((app) => app.slug as AppStoreSlug));
  return (
    <>
      {withSettings.map((app) => {
        const slug = app.slug as AppStoreSlug;
        const Section = sections.components.find((part) => part.slug === slug)?.Component;
        return (
          <section key={slug} className="card" aria-label={app.name}>
            {!app.installed ? <InstallPrompt slug={slug} name={app.name} /> : Section ? <Section timeZone={timeZone} /> : <p className="muted">Loading…</p>}
          </section>
        );
      })}
    </>
  );
}

/** /apps/<slug>/<path>: the app's own page, if the app has pages and the user installed it. */
export function AppPageSlot({ slug, path, searchParams, timeZone }: { slug: string; path: string[]; searchParams: Record<string, string>; timeZone: string }) {
  const apps = useApps();
  const app = apps.data?.find((candidate) => candidate.slug === slug);
  const hasPages = app !== undefined && appPagesSlot[app.slug as AppStoreSlug] !== undefined;
  const pages = useSlotComponents(appPagesSlot, hasPages && app.installed ? [app.slug as AppStoreSlug] : []);
  if (apps.isLoading) return <p className="muted">Loading…</p>;
  if (!app || !hasPages) return <p role="alert">There is no such page.</p>;
  if (!app.installed) return <InstallPrompt slug={app.slug as AppStoreSlug} name={app.name} />;
  const Page = pages.components[0]?.Component;
  return Page ? <Page path={path} searchParams={searchParams} timeZone={timeZone} /> : <p className="muted">Loading…</p>;
}
