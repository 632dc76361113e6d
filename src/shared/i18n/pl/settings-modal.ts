import type { Messages } from '../messages.js';

/** Formularz ustawień (karta główna → Ustawienia albo przycisk pod `/kept`). */
export const settingsModal: Messages['settingsModal'] = {
  title: 'Ustawienia Kept',
  submit: 'Zapisz',
  close: 'Anuluj',
  intro: 'Te ustawienia dotyczą całej przestrzeni roboczej. Mogą je zmieniać administratorzy i właściciele przestrzeni roboczej oraz liderzy w Kept.',
  language: 'Język',
  time_zone: 'Strefa czasowa zespołu',
  time_zone_hint: 'Nazwa IANA, np. Europe/Warsaw albo America/New_York. Według niej liczone są podsumowanie i czasy zespołu.',
  leads: 'Liderzy',
  leads_hint: 'Liderzy dostają alerty o obietnicach po terminie i widok zespołu, mogą zmieniać każdą obietnicę i te ustawienia.',
  channel_leads: 'Kanał liderów',
  channel_leads_hint: 'Tu trafiają alerty o obietnicach po terminie. Bez tego kanału każdy lider dostaje wiadomość prywatną.',
  channel_incidents: 'Kanał incydentów',
  channel_recap: 'Kanał podsumowań',
  channel_hint: 'Jeśli kanał jest prywatny, zaproś do niego Kept.',
  reminders: 'Przypomnienia przed terminem',
  reminders_hint: 'Najwyżej pięć przypomnień, każde od 5 minut do 14 dni przed terminem, np. 24h 1h albo 1 dzień 1 godz.',
  hours: 'Godziny pracy',
  hours_hint: 'Np. pn-pt 09:00-18:00. Przypomnienia czekają na godziny pracy osoby odpowiedzialnej, w jej strefie czasowej.',
  cadence: (severity: string) => `Częstotliwość informowania klienta: ${severity}`,
  cadence_hint: 'Jak często informujemy klienta podczas incydentu: od 5 minut do 14 dni, np. 1h albo 30m, albo „dzień roboczy” (raz na dzień roboczy).',
  cadence_error: 'Podaj czas od 5 minut do 14 dni, np. 1h albo 30m, albo „dzień roboczy”.',
  cadence_workday: 'dzień roboczy',
  recap: 'Podsumowanie tygodnia: dzień i godzina',
  recap_hint: 'Np. pt 15:00 albo poniedziałek 9:00, w strefie czasowej zespołu. Podsumowanie trafia na kanał podsumowań.',
  recap_error: 'Podaj jeden dzień i godzinę, np. pt 15:00 albo poniedziałek 9:00.',
  response_hint: 'Np. 2h albo 30m, w godzinach pracy – tyle może czekać pytanie klienta. Klienci z własnym czasem go zachowują.',
  button_open: 'Otwórz ustawienia',
};

export const settingsModalErrors: Record<keyof typeof import('../en/settings-modal.js').settingsModalErrors, string> = {
  settings_not_allowed: 'Ustawienia mogą zmieniać tylko administratorzy i właściciele przestrzeni roboczej oraz liderzy w Kept.',
};
