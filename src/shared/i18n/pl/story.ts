import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

/** /story: historie świetnej obsługi i głosy na nie. */
export const story: Messages['story'] = {
  help_title:
    '*Podziel się historią świetnej obsługi*: kto zrobił więcej, niż trzeba, dla jakiego klienta (opcjonalnie, przed dwukropkiem) i co się wydarzyło.',
  examples: [
    '`/story @ana została po godzinach, żeby przeprowadzić ACME przez migrację`',
    '`/story @ana @ben Globex: zamienili trudną rozmowę w przedłużenie umowy`',
    '`/story` → formularz (kto, klient, co się wydarzyło, dlaczego to ważne)',
  ],
  problem_who: 'Wskaż co najmniej jedną osobę przez @, np. `/story @ana została po godzinach, żeby pomóc ACME`.',
  problem_what: 'Po imionach napisz, co się wydarzyło.',
  problem_bot: 'Historia dotyczy ludzi z zespołu, nie botów.',
  finish_in_form: 'Dokończ w formularzu',
  modal_title: 'Podziel się historią',
  modal_submit: 'Udostępnij',
  modal_close: 'Zamknij',
  modal_who_label: 'Kto zrobił więcej, niż trzeba?',
  modal_client_label: 'Klient (opcjonalnie)',
  modal_client_placeholder: 'ACME',
  modal_what_label: 'Co się wydarzyło?',
  modal_what_placeholder: 'Ana została po godzinach i krok po kroku przeprowadziła ACME przez migrację.',
  modal_why_label: 'Dlaczego to było ważne? (opcjonalnie)',
  modal_why_placeholder: 'Klient wystartował w terminie i powiedział o tym na spotkaniu zarządu.',
  error_who_required: 'Wybierz co najmniej jedną osobę.',
  error_who_too_many: (max: number) => `Wybierz najwyżej ${plural('pl', max, { one: 'osobę', few: 'osoby', many: 'osób', other: 'osoby' })}.`,
  error_who_bot: 'Wybierz ludzi z zespołu, nie boty.',
  error_what_required: 'Opisz, co się wydarzyło.',
  error_too_long: (max: number) => `Zmieść się w ${plural('pl', max, { one: 'znaku', few: 'znakach', many: 'znakach', other: 'znaku' })}.`,
  message_title: (author: string, featured: string) => `:star2: Historia od ${author} · w roli głównej: ${featured}`,
  field_client: 'Klient',
  why_label: 'Dlaczego to ważne',
  source_promise: (title: string) => `:handshake: Z dotrzymanej obietnicy: ${title}`,
  source_incident: (title: string) => `:rotating_light: Z rozwiązanego incydentu: ${title}`,
  source_message: (link: string) => `:link: <${link}|Oryginalna wiadomość>`,
  button_upvote: (count: number) => (count > 0 ? `:clap: Brawo · ${count}` : ':clap: Brawo'),
  shared_reply: (channel: string) => `:star2: Dziękuję za tę historię! Jest już opublikowana (${channel}) i trafi do podsumowania tygodnia.`,
  shared_not_posted: (channel: string) =>
    `:star2: Zapisana do podsumowania tygodnia, ale nie mogę jej opublikować (${channel}). Zaproś mnie tam (\`/invite @Kept\`) albo poproś administratora o ustawienie kanału podsumowań (\`/kept kanał podsumowanie #sukcesy\`).`,
  this_conversation: 'ta rozmowa',
  upvote_own: 'To Twoja historia: głosy należą do reszty zespołu. Dziękuję, że się nią dzielisz!',
  upvote_already: 'Twój głos na tę historię już się liczy.',
  list: (items: string[]) => new Intl.ListFormat('pl', { type: 'conjunction' }).format(items),
};

export const storyErrors: Record<keyof typeof import('../en/story.js').storyErrors, string> = {
  story_not_found: 'Nie mogę znaleźć tej historii. Mogła zostać usunięta.',
  nomination_not_found: 'Nie mogę znaleźć tego, co chcesz zgłosić. Mogło zostać usunięte.',
};
