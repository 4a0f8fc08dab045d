"use client";

import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

import { appTranslationsEn } from "@calcom/app-store/apps.locales.generated";

/*
 * Stand-in for Cal.com's useLocale: i18next behind react-i18next, the "common" namespace, Cal.com's
 * `{{name}}` interpolation. Its dictionary is what Cal.com's apps/web/public/static/locales/en/common.json
 * holds once the apps' locale files are merged into it: here, the registry's merge of every app's
 * locales/en/common.json. English only, as this host has no language setting. i18next's HTML
 * escaping of interpolated values stays on, as in Cal.com: a caller turns it off call by call.
 */
const instance: i18n = createInstance();
void instance.use(initReactI18next).init({
  lng: "en",
  fallbackLng: "en",
  ns: ["common"],
  defaultNS: "common",
  resources: { en: { common: appTranslationsEn } },
  initImmediate: false,
  returnNull: false,
});

export function useLocale(namespace = "common"): { t: TFunction; i18n: i18n; isLocaleReady: boolean } {
  const { t } = useTranslation(namespace, { i18n: instance });
  return { t, i18n: instance, isLocaleReady: true };
}
