import type { Messages } from '../index.js';

/** /kept: ustawienia i pomoc. */
export const settings: Messages['settings'] = {
  title: '*Ustawienia Kept*',
  language: 'Język',
  language_names: { en: 'English', pl: 'Polski' },
  team_time_zone: 'Strefa czasowa zespołu',
  leads: 'Liderzy',
  none: 'jeszcze brak',
  channels: 'Kanały',
  channel_roles: { leads: 'liderzy', incidents: 'incydenty', recap: 'podsumowanie' },
  reminders: 'Przypomnienia',
  reminders_value: (list: string) => `${list} przed terminem`,
  working_hours: 'Godziny pracy',
  help_title: '*Zmiana ustawień* (administratorzy, właściciele i liderzy):',
  help_lines: [
    '`/kept liderzy @ana @ben` · `/kept liderzy brak`',
    '`/kept kanał liderzy #client-leads` · `/kept kanał liderzy brak`',
    '`/kept strefa Europe/Warsaw`',
    '`/kept przypomnienia 24h 1h`',
    '`/kept godziny pn-pt 09:00-18:00`',
    '`/kept język en`',
  ],
  help_promise: 'Zapisz obietnicę: `/promise ACME: wyślę wycenę w piątek 15:00`; `/promise lista` pokazuje Twoje.',
  saved: ':white_check_mark: Zapisano.',
  channel_hint: 'Jeśli kanał jest prywatny, zaproś do niego Kept (`/invite @Kept`).',
  problems: {
    unknown: 'Nie znam takiego ustawienia. Oto co można zmienić:',
    leads: 'Wskaż liderów przez @wzmianki, np. `/kept liderzy @ana @ben`, albo `/kept liderzy brak`.',
    channel: 'Podaj rolę i kanał przez #, np. `/kept kanał liderzy #client-leads` (role: liderzy, incydenty, podsumowanie).',
    timezone: 'Nie znam takiej strefy czasowej. Użyj nazwy w rodzaju `Europe/Warsaw` albo `America/New_York`.',
    reminders: 'Podaj do pięciu wyprzedzeń od 5 minut do 14 dni, np. `/kept przypomnienia 24h 1h` albo `2d 30m`.',
    hours_days: 'Nie rozumiem dni. Spróbuj `pn-pt 09:00-18:00` albo `nd-czw 08:00-16:00`.',
    hours_times: 'Nie rozumiem godzin. Spróbuj `pn-pt 09:00-18:00`.',
    hours_order: 'Koniec dnia pracy musi być po jego początku.',
    language: 'Wybierz `en` (English) albo `pl` (Polski).',
  },
};
