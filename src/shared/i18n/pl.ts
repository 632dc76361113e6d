import type { Messages } from './messages.js';
import { client, clientErrors } from './pl/client.js';
import { digest } from './pl/digest.js';
import { home } from './pl/home.js';
import { incident, incidentErrors } from './pl/incident.js';
import { promise, promiseErrors } from './pl/promise.js';
import { recap } from './pl/recap.js';
import { reminder } from './pl/reminder.js';
import { settings } from './pl/settings.js';
import { settingsModal, settingsModalErrors } from './pl/settings-modal.js';
import { story, storyErrors } from './pl/story.js';
import { workflow } from './pl/workflow.js';

/** Every word Kept writes in Polish; the same shape as en.ts. */
export const pl: Messages = {
  locale: 'pl',
  common: {
    and_more: (count: number) => `…i jeszcze ${count}.`,
    error_with_id: (id: string) =>
      `:warning: Coś poszło nie tak po naszej stronie i niczego nie zrobiłem. Spróbuj ponownie za chwilę. Jeśli to się powtarza, przekaż administratorowi identyfikator błędu: \`${id}\`.`,
    not_allowed_settings: 'Ustawienia mogą zmieniać tylko administratorzy i właściciele przestrzeni roboczej oraz liderzy w Kept.',
    notice_title: 'Kept',
    time_pair: (mine: string, theirs: string, person: string) => `${mine} u Ciebie · ${theirs} u ${person}`,
    close: 'Zamknij',
  },
  promise,
  incident,
  recap,
  reminder,
  digest,
  settings,
  home,
  settingsModal,
  story,
  client,
  workflow,
  errors: {
    invalid_request: 'Coś w tym poleceniu się nie zgadza, więc niczego nie zmieniłem. Spróbuj ponownie.',
    storage_unavailable: 'Kept nie może teraz połączyć się ze swoją bazą danych, więc niczego nie zmieniłem. Spróbuj ponownie za minutę.',
    ...promiseErrors,
    ...settingsModalErrors,
    ...incidentErrors,
    ...storyErrors,
    ...clientErrors,
  },
};
