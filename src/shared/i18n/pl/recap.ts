import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

const n = (count: number, one: string, few: string, many: string) => plural('pl', count, { one, few, many, other: many });

/** Podsumowanie tygodnia i jego wykres. */
export const recap: Messages['recap'] = {
  header: (from: string, to: string) => `:sparkles: Podsumowanie tygodnia · ${from} – ${to}`,
  quiet_header: (from: string, to: string) => `:seedling: Podsumowanie tygodnia · ${from} – ${to}`,
  quiet_body:
    'Spokojny tydzień: bez historii, bez obietnic z terminem i bez incydentów. Spokojne tygodnie to często efekt dobrej pracy, której nikt nie musiał oglądać. :relieved:',
  quiet_invite: 'Czy ktoś zrobił więcej, niż trzeba? Opowiedz o tym zespołowi: `/story @imię co zrobił(a)`, a trafi to do kolejnego podsumowania.',
  stories_title: (count: number) => `*:star2: Historie tygodnia* (${count})`,
  story_meta: (author: string, upvotes: number) => `opowiada ${author} · :clap: ${upvotes}`,
  story_link: 'Przeczytaj historię',
  more_stories: (count: number) => `…i jeszcze ${n(count, 'historia', 'historie', 'historii')} z tego tygodnia.`,
  no_stories: 'W tym tygodniu nie ma jeszcze historii. Kto zrobił więcej, niż trzeba? Opowiedz o tym: `/story @imię co zrobił(a)`.',
  promises_title: '*:handshake: Obietnice*',
  promises_summary: (made: number, cameDue: number) =>
    `${n(made, 'nowa obietnica', 'nowe obietnice', 'nowych obietnic')} · z terminem w tym tygodniu: ${cameDue}`,
  kept_on_time: (count: number) => `:white_check_mark: dotrzymane w terminie: ${count}`,
  renegotiated_early: (count: number) => `:arrows_counterclockwise: termin zmieniony przed czasem, klient poinformowany: ${count}`,
  kept_late: (count: number) => `:ballot_box_with_check: dotrzymane po terminie: ${count}`,
  renegotiated_other: (count: number) => `:warning: termin zmieniony po czasie lub bez informacji dla klienta: ${count}`,
  overdue_open: (count: number, all: number) =>
    `:red_circle: po terminie i nadal otwarte: ${count}${all > count ? ` (łącznie z wcześniejszymi tygodniami: ${all})` : ''}`,
  cancelled: (count: number) => `:no_entry_sign: anulowane: ${count}`,
  on_time_rate: (percent: string, good: number, due: number) =>
    `*Terminowość: ${percent}* · dotrzymane w terminie albo przesunięte zawczasu, za wiedzą klienta: ${good} z ${due}`,
  promises_explained:
    'Każda obietnica liczy się raz w tygodniu, w którym przypada jej termin (tydzień trwa od podsumowania do podsumowania), według tego, jak się w nim skończyła. Anulowanych nie wliczam do terminowości.',
  promises_partial: (count: number) => `W tym tygodniu przesunięto termin wielu obietnic – w pełni liczę pierwsze ${count}.`,
  nothing_due: 'W tym tygodniu nie minął termin żadnej obietnicy.',
  incidents_title: '*:rotating_light: Incydenty*',
  no_incidents: 'W tym tygodniu bez incydentów. :relieved:',
  thanks: (names: string) => `:pray: Dziękujemy: ${names}. Dzięki Wam klienci dostają więcej, niż się spodziewali.`,
  thanks_more: (count: number) => `jeszcze ${n(count, 'osoba', 'osoby', 'osób')}`,
  chart_in_thread: ':chart_with_upwards_trend: Wykres dotrzymywania obietnic z ostatnich 8 tygodni jest w wątku.',
  chart_title: 'Obietnice w terminie lub ze zmianą terminu przed czasem (8 tygodni)',
  chart_no_data: '—',
  chart_count: (due: number) => (due === 0 ? 'bez terminów' : n(due, 'obietnica', 'obietnice', 'obietnic')),
  chart_alt: 'Wykres liniowy tygodniowego odsetka dotrzymanych obietnic z ostatnich 8 tygodni',
  chart_fallback: (line: string) => `:chart_with_upwards_trend: Dotrzymywanie obietnic, ostatnie 8 tygodni: ${line}`,
  fallback_text: (stories: number, rate: string | undefined) =>
    `Podsumowanie tygodnia: ${n(stories, 'historia', 'historie', 'historii')}${rate ? ` · ${rate} obietnic w terminie lub ze zmianą terminu przed czasem` : ''}`,
};
