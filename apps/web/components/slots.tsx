"use client";

import { useEffect, useState, type ComponentType } from "react";

import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";

type Slot<P> = Partial<Record<AppStoreSlug, () => Promise<{ default: ComponentType<P> }>>>;

// One load per slot and app for the page's lifetime; keyed by slot object, so each entry has that slot's props type.
const loads = new WeakMap<object, Map<AppStoreSlug, Promise<unknown>>>();
const resolved = new WeakMap<object, Map<AppStoreSlug, unknown>>();

function load<P>(slot: Slot<P>, slug: AppStoreSlug): Promise<ComponentType<P>> | null {
  const loader = slot[slug];
  if (!loader) return null;
  const bySlug = loads.get(slot) ?? new Map<AppStoreSlug, Promise<unknown>>();
  loads.set(slot, bySlug);
  if (!bySlug.has(slug)) {
    bySlug.set(
      slug,
      loader().then((module) => {
        const done = resolved.get(slot) ?? new Map<AppStoreSlug, unknown>();
        resolved.set(slot, done);
        done.set(slug, module.default);
        return module.default;
      }),
    );
  }
  return bySlug.get(slug) as Promise<ComponentType<P>>;
}

function ready<P>(slot: Slot<P>, slugs: AppStoreSlug[]) {
  const done = resolved.get(slot);
  return slugs.flatMap((slug) => {
    const Component = done?.get(slug) as ComponentType<P> | undefined;
    return Component ? [{ slug, Component }] : [];
  });
}

/**
 * The apps' components for a registry slot (the host never imports an app). Loading starts as soon
 * as the page knows which apps are installed, and components render directly once loaded: no
 * Suspense boundary, so opening a dialog never waits on React's fallback-reveal throttle.
 * `loading` is true while some app's component is still on its way.
 */
export function useSlotComponents<P>(slot: Slot<P>, slugs: AppStoreSlug[]) {
  const key = slugs.join(",");
  const [, rerender] = useState(0);
  useEffect(() => {
    let live = true;
    const pending = slugs.map((slug) => load(slot, slug)).filter((promise) => promise !== null);
    void Promise.all(pending).then(() => live && rerender((n) => n + 1));
    return () => {
      live = false;
    };
    // `key` stands for the slug list's content (a new array each render).
  }, [slot, key]);
  const components = ready(slot, slugs.filter((slug) => slot[slug]));
  return { components, loading: components.length < slugs.filter((slug) => slot[slug]).length };
}
