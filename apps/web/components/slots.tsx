"use client";

import { lazy, type ComponentType, type LazyExoticComponent } from "react";

import type { AppStoreSlug } from "@calcom/app-store/apps.metadata.generated";

type Slot<P> = Partial<Record<AppStoreSlug, () => Promise<{ default: ComponentType<P> }>>>;

// Keyed by slot object, so every entry of one map has that slot's props type.
const loaded = new WeakMap<object, Map<AppStoreSlug, unknown>>();

/**
 * An app's component for a registry slot, loaded on first use (the host never imports an app).
 * Cached per slot and app, so React keeps the same component between renders.
 */
export function slotComponent<P>(slot: Slot<P>, slug: AppStoreSlug): LazyExoticComponent<ComponentType<P>> | null {
  const load = slot[slug];
  if (!load) return null;
  const bySlug = loaded.get(slot) ?? new Map();
  loaded.set(slot, bySlug);
  if (!bySlug.has(slug)) bySlug.set(slug, lazy(load));
  return bySlug.get(slug) as LazyExoticComponent<ComponentType<P>>;
}
