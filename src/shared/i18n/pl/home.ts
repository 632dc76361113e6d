import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

const promises = (count: number) => plural('pl', count, { one: 'obietnica', few: 'obietnice', many: 'obietnic', other: 'obietnicy' });
const overdue = (count: number) =>
  plural('pl', count, { one: 'obietnica po terminie', few: 'obietnice po terminie', many: 'obietnic po terminie', other: 'obietnicy po terminie' });
const incidents = (count: number) => plural('pl', count, { one: 'incydent', few: 'incydenty', many: 'incydentów', other: 'incydentu' });
const stories = (count: number) => plural('pl', count, { one: 'historia', few: 'historie', many: 'historii', other: 'historii' });
const people = (count: number) => plural('pl', count, { one: 'osoba', few: 'osoby', many: 'osób', other: 'osoby' });

/** Karta główna (App Home). */
export const home: Messages['home'] = {
  header: 'Kept',
  button_new_promise: 'Nowa obietnica',
  button_settings: 'Ustawienia',
  my_title: (count: number) => `Twoje otwarte obietnice (${count})`,
  group_overdue: ':red_circle: *Po terminie*',
  group_soon: ':large_orange_circle: *Termin w ciągu 48 godzin*',
  group_later: ':white_circle: *Później*',
  my_empty: 'Nie masz otwartych obietnic. :tada:',
  my_empty_hint:
    'Zapisz obietnicę: `/promise ACME: wyślę wycenę w piątek 15:00`, przyciskiem *Nowa obietnica* albo skrótem *Log as promise* w menu dowolnej wiadomości.',
  my_more: (count: number, command: string) => `…i jeszcze ${promises(count)}. Wszystkie: ${command}.`,
  list_command: '`/promise lista`',
  list_overdue_command: '`/promise lista zaległe`',
  team_title: 'Zespół',
  team_rate: (percent: number, good: number, due: number) =>
    `*Terminowość w tym tygodniu: ${percent}%* · dotrzymane na czas albo przełożone zawczasu za wiedzą klienta: ${good} z ${due}`,
  team_rate_none: '*Terminowość w tym tygodniu:* w tym tygodniu nie minął jeszcze żaden termin.',
  team_rate_partial: (count: number) => `W tym tygodniu przesunięto termin wielu obietnic – w pełni liczę pierwsze ${count}.`,
  team_week: (from: string, to: string) => `Tydzień liczę od podsumowania do podsumowania: ${from} – ${to}.`,
  team_more_overdue: (count: number, command: string) => `…i jeszcze ${overdue(count)}. Wszystkie: ${command}.`,
  team_overdue_title: (count: number) => `*Po terminie:* ${promises(count)}`,
  team_overdue_none: 'Nic nie jest po terminie. :tada:',
  team_owner: (owner: string, count: number) => `${owner} · ${overdue(count)}`,
  team_owner_more: (count: number, command: string) => `…i jeszcze ${count}: ${command}`,
  team_more_people: (count: number, command: string) => `…i jeszcze ${people(count)} z obietnicami po terminie. Wszystkie: ${command}.`,
  incidents_title: (count: number) => `Twoje otwarte incydenty (${count})`,
  incidents_empty: 'Nie masz otwartych incydentów.',
  incidents_more: (count: number, command: string) => `…i jeszcze ${incidents(count)}. Wszystkie otwarte incydenty: ${command}.`,
  incident_list_command: '`/incident lista`',
  stories_title: (count: number) => `Historie o Tobie w tym miesiącu (${count})`,
  stories_empty: 'W tym miesiącu nie ma jeszcze historii o Tobie. Opowiedz o kimś z zespołu: `/story @ana została dłużej, żeby pomóc ACME`.',
  story_meta: (author: string, upvotes: number) => `opowiada ${author} · :clap: ${upvotes}`,
  story_link: 'Przeczytaj historię',
  stories_more: (count: number) => `…i jeszcze ${stories(count)} w tym miesiącu.`,
  team_incidents_title: (count: number) => `*Otwarte incydenty:* ${count}`,
  team_incidents_none: 'Brak otwartych incydentów. :tada:',
  team_incidents_more: (count: number, command: string) => `…i jeszcze ${incidents(count)}. Wszystkie: ${command}.`,
};
