import { createInstance, type TFunction } from "i18next";

import en from "../locales/en/common.json";

/** For the components' unit tests: a `t` over the app's English strings, set up as Cal.com's useLocale is (i18next, `{{name}}` interpolation). */
export function englishT(): TFunction {
  const i18n = createInstance();
  void i18n.init({ lng: "en", resources: { en: { translation: en } }, interpolation: { escapeValue: false }, initImmediate: false });
  return i18n.getFixedT("en");
}
