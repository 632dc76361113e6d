import { client, clientErrors } from './en/client.js';
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
      `:warning: Something went wrong on our side and your request was not completed. Please try again in a moment. If it keeps happening, give your admin this error id: \`${id}\`.`,
    not_allowed_settings: 'Only workspace admins, owners and Kept leads can change settings.',
    notice_title: 'Kept',
    close: 'Close',
  },
  promise,
  incident,
  recap,
  reminder,
  settings,
  home,
  settingsModal,
  story,
  client,
  workflow,
  errors: {
    invalid_request: 'That request did not look right, so nothing was changed. Please try again.',
    storage_unavailable: 'Kept cannot reach its database right now, so nothing was changed. Please try again in a minute.',
    ...promiseErrors,
    ...settingsModalErrors,
    ...incidentErrors,
    ...storyErrors,
    ...clientErrors,
  },
};
