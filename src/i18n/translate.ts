/**
 * Chrome's `messages.json` semantics without the browser: named placeholders (`$NAME$`) whose
 * `content` refers to positional substitutions (`$1`…`$9`). The extension uses the browser's
 * own `i18n.getMessage`; the CLI, tests and benchmarks use this, so every string a person sees
 * comes from the same locale files.
 */
export interface LocaleMessage {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

export type LocaleMessages = Readonly<Record<string, LocaleMessage>>;

/** Looks up a message; returns '' for an unknown key, as `i18n.getMessage` does. */
export type Translate = (key: string, substitutions?: string | readonly string[]) => string;

function positional(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_match, digit: string) => substitutions[Number(digit) - 1] ?? '');
}

export function formatMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  const placeholders = entry.placeholders ?? {};
  const lower = new Map(Object.entries(placeholders).map(([name, value]) => [name.toLowerCase(), value.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
    const content = lower.get(name.toLowerCase());
    return content === undefined ? match : positional(content, substitutions);
  });
  // `$$` is a literal dollar sign.
  return named.replace(/\$\$/g, '$');
}

export function createTranslate(messages: LocaleMessages, fallback?: LocaleMessages): Translate {
  return (key, substitutions) => {
    const entry = messages[key] ?? fallback?.[key];
    if (entry === undefined) return '';
    const list = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
    return formatMessage(entry, list);
  };
}
