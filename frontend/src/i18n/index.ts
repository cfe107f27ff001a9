/**
 * i18next with zh-CN (default) and en. The choice is kept in localStorage; dayjs and antd follow
 * it (antd through app/providers).
 */
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en";
import { zhCN } from "./locales/zh-CN";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "ipledge.lang";
const DAYJS_LOCALE: Record<Language, string> = { "zh-CN": "zh-cn", en: "en" };

export const resources = { "zh-CN": { translation: zhCN }, en: { translation: en } } as const;

const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

function follow(language: string): void {
  const lang = isLanguage(language) ? language : "zh-CN";
  dayjs.locale(DAYJS_LOCALE[lang]);
  document.documentElement.lang = lang;
}

i18n.on("languageChanged", follow);

void i18n.use(initReactI18next).init({
  resources,
  lng: savedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
follow(i18n.language);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "zh-CN";
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
}

export default i18n;
