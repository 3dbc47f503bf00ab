/**
 * Every message a page may show, typed from the English locale file: a key that is not in it
 * does not compile, so a typo never reaches a person as an empty string. (Type-only: the JSON is
 * not bundled; the browser reads the locale files itself.)
 */
export type MessageKey = keyof typeof import('../../../assets/_locales/en/messages.json');
