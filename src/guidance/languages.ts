/**
 * The languages Blockwatch speaks: one locale folder each under `assets/_locales/`. Links to
 * tools follow the language the text is shown in, so a reader of Persian text gets the Persian
 * page where one exists and the English one otherwise.
 */
export const UI_LANGUAGES = ['en', 'ru', 'fa', 'zh_CN', 'tr', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The language every text and link falls back to (the manifest's `default_locale`). */
export const FALLBACK_LANGUAGE: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a browser language tag ("ru-RU", "zh-CN", "fa", "pt-BR") or a locale folder name
 * ("zh_CN") to one of ours, as the browser picks a locale folder: the exact tag first, then
 * the bare language, then English.
 *
 * The surest input is the `guidance_locale` message, whose text in each locale file is that
 * folder's own name: it names the locale the browser really chose for the text.
 *
 * Chinese other than simplified Chinese (zh-TW, zh-HK, a bare "zh") maps to English, not to
 * zh_CN: the browser shows those readers our English text (there is no `zh` folder), and links
 * must match the text.
 */
export function toUiLanguage(tag: string | undefined | null): UiLanguage {
  if (!tag) return FALLBACK_LANGUAGE;
  const parts = tag.trim().replace(/-/g, '_').split('_');
  const language = (parts[0] ?? '').toLowerCase();
  const region = (parts[1] ?? '').toUpperCase();
  const exact = region ? `${language}_${region}` : language;
  if (isUiLanguage(exact)) return exact;
  // "zh-Hans-CN" and "zh-Hans" name the script where a region would be.
  if (language === 'zh') return region === 'CN' || region === 'HANS' ? 'zh_CN' : FALLBACK_LANGUAGE;
  if (isUiLanguage(language)) return language;
  return FALLBACK_LANGUAGE;
}
