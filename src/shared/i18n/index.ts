import { en } from './en.js';
import type { Messages } from './messages.js';
import { pl } from './pl.js';
import type { Language } from './plural.js';

export type { Messages } from './messages.js';
export type { Language } from './plural.js';

const catalogues: Record<Language, Messages> = { en, pl };

export const LANGUAGES: readonly Language[] = ['en', 'pl'];

export function messagesFor(language: Language): Messages {
  return catalogues[language] ?? en;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'pl';
}
