import { client, clientErrors } from './en/client.js';
import { digest } from './en/digest.js';
import { home } from './en/home.js';
import { incident, incidentErrors } from './en/incident.js';
import { promise, promiseErrors } from './en/promise.js';
import { recap } from './en/recap.js';
import { reminder } from './en/reminder.js';
import { settings } from './en/settings.js';
import { settingsModal, settingsModalErrors } from './en/settings-modal.js';
import { story, storyErrors } from './en/story.js';
import { workflow } from './en/workflow.js';

/**
 * Every word Kept writes in English, one section per feature (en/<feature>.ts).
 * pl.ts has the same shape; the type checker keeps the two in step.
 */
export const en = {
  locale: 'en' as 'en' | 'pl',
  common: {
    and_more: (count: number) => `…and ${count} more.`,
    error_with_id: (id: string) =>
      `:warning: Something went wrong on our side and nothing was done. Try again in a moment. If it keeps happening, give your admin this error id: \`${id}\`.`,
    not_allowed_settings: 'Only workspace admins, owners and Kept leads can change settings.',
    notice_title: 'Kept',
    /** A time in the reader's zone, and in another person's: "Thu 3 Dec at 04:00 your time · 10:00 for @jan". */
    time_pair: (mine: string, theirs: string, person: string) => `${mine} your time · ${theirs} for ${person}`,
    close: 'Close',
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
    invalid_request: 'That request didn’t look right, so nothing was changed. Try again.',
    storage_unavailable: 'Kept can’t reach its database right now, so nothing was changed. Try again in a minute.',
    ...promiseErrors,
    ...settingsModalErrors,
    ...incidentErrors,
    ...storyErrors,
    ...clientErrors,
  },
};
