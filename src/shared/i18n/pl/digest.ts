import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

/** Zbiorcze wiadomości: wszystko, co jednej osobie przypada w jednym przebiegu, w jednej wiadomości. */
const overdue = (count: number) =>
  plural('pl', count, { one: 'obietnica po terminie', few: 'obietnice po terminie', many: 'obietnic po terminie', other: 'obietnicy po terminie' });
const yours = (count: number) =>
  plural('pl', count, {
    one: 'Twoja obietnica wymaga uwagi',
    few: 'Twoje obietnice wymagają uwagi',
    many: 'Twoich obietnic wymaga uwagi',
    other: 'Twojej obietnicy wymaga uwagi',
  });
const incidentsWaiting = (count: number) =>
  plural('pl', count, {
    one: 'incydent czeka na lidera',
    few: 'incydenty czekają na lidera',
    many: 'incydentów czeka na lidera',
    other: 'incydentu czeka na lidera',
  });
const clientsWaiting = (count: number) =>
  plural('pl', count, {
    one: 'klient czeka na wiadomość od Ciebie',
    few: 'klientów czeka na wiadomość od Ciebie',
    many: 'klientów czeka na wiadomość od Ciebie',
    other: 'klienta czeka na wiadomość od Ciebie',
  });
const questionsWaiting = (count: number) =>
  plural('pl', count, {
    one: 'pytanie klienta czeka na odpowiedź',
    few: 'pytania klientów czekają na odpowiedź',
    many: 'pytań klientów czeka na odpowiedź',
    other: 'pytania klientów czeka na odpowiedź',
  });
const undeliveredWhat = (count: number, purpose: 'alert' | 'reminder' | 'recap') =>
  purpose === 'alert'
    ? plural('pl', count, { one: 'alertu', few: 'alertów', many: 'alertów', other: 'alertu' })
    : purpose === 'reminder'
      ? plural('pl', count, { one: 'przypomnienia', few: 'przypomnień', many: 'przypomnień', other: 'przypomnienia' })
      : plural('pl', count, { one: 'podsumowania tygodnia', few: 'podsumowań tygodnia', many: 'podsumowań tygodnia', other: 'podsumowania tygodnia' });

export const digest: Messages['digest'] = {
  overdue_title: (count) => `:rotating_light: ${overdue(count)}`,
  overdue_push: (count, first, rest) => `${overdue(count)}: ${first} i jeszcze ${rest}`,
  overdue_item: (owner, late) => `${owner} · ${late} po terminie`,
  overdue_first: (owner, late) => `${owner}, ${late} po terminie`,
  escalated: 'nadal po terminie po dniu roboczym',
  owner_title: (count) => `:alarm_clock: ${yours(count)}`,
  owner_push: (count, first, rest) => `${yours(count)}: ${first} i jeszcze ${rest}`,
  was_due: (relative) => `termin minął ${relative}`,
  due_now: 'termin mija teraz',
  incidents_leads_title: (count) => `:rotating_light: ${incidentsWaiting(count)}`,
  incidents_leads_push: (count, first, rest) => `${incidentsWaiting(count)}: ${first} i jeszcze ${rest}`,
  incidents_owner_title: (count) => `:alarm_clock: ${clientsWaiting(count)}`,
  incidents_owner_push: (count, first, rest) => `${clientsWaiting(count)}: ${first} i jeszcze ${rest}`,
  incident_silent: (owner, silence) => `${owner} · klient czeka na wiadomość od nas już ${silence}`,
  incident_unacknowledged: (minutes) => `nikt go nie przyjął przez ${plural('pl', minutes, { one: 'minutę', few: 'minuty', many: 'minut', other: 'minuty' })}`,
  more: (count, command) => `…i jeszcze ${count}. Pełna lista: ${command}`,
  watch_title: (count) => `:hourglass_flowing_sand: ${questionsWaiting(count)}`,
  watch_push: (count, first, rest) => `${questionsWaiting(count)}: ${first} i jeszcze ${rest}`,
  watch_more: (count) => `…i jeszcze ${count}. Pytania danego klienta pokaże \`/client ACME\`.`,
  button_show_all: 'Pokaż wszystkie',
  all_title: (count) => `Obietnice z tej wiadomości (${count})`,
  all_gone: 'Wszystkie te obietnice są już zamknięte.',
  undelivered: (count, purpose, error, hint) => `:warning: Nie udało się dostarczyć ${undeliveredWhat(count, purpose)} (\`${error}\`) – ${hint}`,
  hint_channel: 'sprawdź kanał liderów i czy Kept do niego należy (`/invite @Kept`).',
  hint_person: 'sprawdź, czy ta osoba nadal jest w przestrzeni roboczej.',
  hint_auth: 'zainstaluj Kept ponownie w przestrzeni roboczej.',
  hint_other: 'Slack odrzucał je tak długo, jak miały znaczenie.',
};
