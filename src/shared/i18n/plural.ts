export type Language = 'en' | 'pl';

export interface PluralForms {
  one: string;
  /** Polish 2–4 (but not 12–14): "2 obietnice". English uses `other`. */
  few?: string;
  /** Polish 5+, 12–14: "5 obietnic". */
  many?: string;
  other: string;
}

const rules = { en: new Intl.PluralRules('en'), pl: new Intl.PluralRules('pl') } as const;

/** `plural('pl', 5, {one:'obietnica', few:'obietnice', many:'obietnic', other:'obietnicy'})` → "5 obietnic". */
export function plural(language: Language, count: number, forms: PluralForms): string {
  const category = rules[language].select(count);
  const word =
    category === 'one' ? forms.one : category === 'few' ? (forms.few ?? forms.other) : category === 'many' ? (forms.many ?? forms.other) : forms.other;
  return `${count} ${word}`;
}
