import type { TFunction } from "i18next";
import { useMemo } from "react";

import { useLocale } from "@calcom/lib/hooks/useLocale";

/**
 * Cal.com's t(), with i18next's HTML escaping off for the values put into the app's strings, as
 * Cal.com's own components ask for it call by call: React escapes what it renders, and escaped
 * twice a time zone would read "Europe&#x2F;Paris" and a name "O&#39;Neil".
 */
export function useAppLocale(): { t: TFunction } {
  const { t } = useLocale();
  const unescaped = useMemo(
    () => ((key: string, options?: Record<string, unknown>) => t(key, { ...options, interpolation: { escapeValue: false } })) as unknown as TFunction,
    [t],
  );
  return { t: unescaped };
}
