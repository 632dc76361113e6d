import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

const chars = (max: number) => plural('pl', max, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' });
/** "w 80 znakach" */
const charsLocative = (max: number) => plural('pl', max, { one: 'znaku', few: 'znakach', many: 'znakach', other: 'znaku' });

/** /promise: the command, its card, forms and list. */
export const promise: Messages['promise'] = {
  examples: [
    '`/promise ACME: wyślę poprawioną wycenę w piątek 15:00`',
    '`/promise @ana ACME: oddzwonić jutro o 10`',
    '`/promise Globex: plan testów 03.12.2026 10:00`',
    '`/promise lista` · `/promise lista @ana` · `/promise lista klient:ACME` · `/promise zaległe`',
  ],
  help_title: '*Zapisz obietnicę złożoną klientowi*: najpierw klient i dwukropek, potem co i na kiedy obiecaliśmy.',
  understood: 'Oto, co zrozumiałem:',
  understood_client: (client: string) => `Klient: *${client}*`,
  understood_what: (what: string) => `Obietnica: ${what}`,
  understood_due: (due: string) => `Termin: ${due}`,
  problem_client: 'Nie widzę nazwy klienta. Wpisz ją przed dwukropkiem, np. `ACME: …`.',
  problem_what: 'Nie widzę, co obiecaliśmy – napisz to po nazwie klienta.',
  problem_due: 'Nie widzę terminu. Spróbuj `jutro o 10`, `w piątek 15:00`, `3 grudnia o 10:00` albo `03.12.2026 10:00`.',
  problem_due_past: (due: string) => `Termin, który zrozumiałem (${due}), już minął. Podaj termin w przyszłości.`,
  problem_owner_bot: 'Bot nie może odpowiadać za obietnicę. Wskaż osobę z zespołu.',
  problem_owner_unknown: (who: string) => `Slack nie pokazuje mi osoby ${who} w tej przestrzeni roboczej, więc niczego nie zapisałem. Wskaż kogoś z zespołu.`,
  finish_in_form: 'Dokończ w formularzu',
  logged_title: ':handshake: Obietnica zapisana',
  logged_for_owner: (creator: string) => `:handshake: Nowa obietnica od ${creator} – odpowiadasz za nią`,
  field_client: 'Klient',
  field_what: 'Obietnica',
  field_owner: 'Odpowiada',
  field_due: 'Termin',
  due_relative_future: (relative: string) => `(${relative})`,
  due_relative_past: (relative: string) => `(po terminie, minął ${relative})`,
  status_open: 'Otwarta',
  status_kept_on_time: (by: string, at: string) => `:white_check_mark: Dotrzymana w terminie: ${by}, ${at}`,
  status_kept_late: (by: string, at: string) => `:ballot_box_with_check: Dotrzymana po terminie: ${by}, ${at}`,
  status_cancelled: (by: string, at: string) => `:no_entry_sign: Anulowana: ${by}, ${at}`,
  renegotiated_line: (count: number, informed: boolean) =>
    `:arrows_counterclockwise: Termin zmieniony ${count === 1 ? 'raz' : `${count} razy`}${informed ? ', klient poinformowany' : ''}`,
  button_kept: 'Dotrzymana',
  button_renegotiate: 'Zmień termin',
  button_details: 'Szczegóły…',
  button_nominate: ':star2: Zgłoś historię',
  button_cancel: 'Anuluj',
  cancel_confirm_title: 'Anulować obietnicę?',
  cancel_confirm_text: 'Przestanę jej pilnować. Daj znać klientowi, jeśli na nią liczył.',
  cancel_confirm_yes: 'Anuluj obietnicę',
  cancel_confirm_no: 'Zostaw',
  overflow_label: 'Akcje',
  modal_new_title: 'Nowa obietnica',
  modal_new_submit: 'Zapisz',
  modal_close: 'Zamknij',
  modal_client_label: 'Klient',
  modal_client_placeholder: 'ACME',
  modal_what_label: 'Co obiecaliśmy?',
  modal_what_placeholder: 'Wysłać poprawioną wycenę',
  modal_due_label: 'Termin',
  modal_owner_label: 'Kto odpowiada?',
  modal_reneg_title: 'Zmień termin',
  modal_reneg_submit: 'Zapisz',
  modal_reneg_intro: (client: string, what: string, due: string) => `*${client}*: ${what}\nObecny termin: ${due}`,
  modal_reneg_due_label: 'Nowy termin',
  modal_reneg_reason_label: 'Dlaczego termin się zmienia?',
  modal_reneg_reason_placeholder: 'Czekamy na eksport danych od klienta',
  modal_reneg_informed_label: 'Klient',
  modal_reneg_informed_option: 'Klient wie o nowym terminie',
  error_due_required: 'Wybierz datę i godzinę.',
  error_due_past: 'Wybierz termin w przyszłości.',
  error_due_same: 'Wybierz termin inny niż obecny.',
  error_client_required: 'Wpisz klienta.',
  error_client_too_long: (max: number) => `Nazwa klienta może mieć najwyżej ${chars(max)}.`,
  error_what_required: 'Napisz, co zostało obiecane.',
  error_what_too_long: (max: number) => `Zmieść się w ${charsLocative(max)}.`,
  error_reason_required: 'Podaj krótki powód – trafi do przebiegu obietnicy.',
  error_owner_bot: 'Bot nie może odpowiadać za obietnicę.',
  kept_reply: (client: string, onTime: boolean) =>
    onTime
      ? `:white_check_mark: Dotrzymana w terminie. Świetna robota dla ${client}!`
      : ':ballot_box_with_check: Dotrzymana, choć po terminie. Dzięki za domknięcie.',
  kept_for_owner_reply: (owner: string) => `:white_check_mark: Oznaczona jako dotrzymana. Odpowiada za nią ${owner} – dałem znać.`,
  kept_by_other_dm: (by: string) => `:white_check_mark: ${by} oznacza Twoją obietnicę jako dotrzymaną`,
  renegotiated_reply: (due: string, informed: boolean) =>
    `:arrows_counterclockwise: Nowy termin: ${due}.${informed ? '' : ' Daj znać klientowi – powinien usłyszeć to najpierw od nas.'}`,
  cancelled_reply: ':no_entry_sign: Obietnica anulowana.',
  list_title_mine: (count: number) => `Twoje otwarte obietnice (${count})`,
  list_title_owner: (owner: string, count: number) => `Otwarte obietnice – odpowiada ${owner} (${count})`,
  list_title_client: (client: string, count: number) => `Otwarte obietnice dla klienta ${client} (${count})`,
  list_empty_mine: 'Nie masz otwartych obietnic. :tada:',
  list_empty_filtered: 'Żadna otwarta obietnica nie pasuje.',
  list_title_overdue: (count: number) => `Obietnice zespołu po terminie (${count})`,
  list_empty_overdue: 'Nic nie jest po terminie. :tada:',
  source_link: 'Oryginalna wiadomość',
  list_more: (count: number, command: string) => `…i jeszcze ${count}. Zawęź listę: ${command}.`,
  list_narrow_command: '`/promise lista klient:NAZWA`',
  list_narrow_overdue_command: '`/promise lista @osoba`',
  list_overdue: (relative: string) => `:red_circle: po terminie, minął ${relative}`,
  list_due: (relative: string) => `termin ${relative}`,
  count: (count: number) => plural('pl', count, { one: 'obietnica', few: 'obietnice', many: 'obietnic', other: 'obietnicy' }),
};

export const promiseErrors: typeof import('../en/promise.js').promiseErrors = {
  promise_not_found: 'Nie mogę znaleźć tej obietnicy. Może została usunięta.',
  promise_not_allowed: (owner?: string) =>
    owner
      ? `Za tę obietnicę odpowiada ${owner}. Zmienić ją może tylko osoba odpowiedzialna, osoba, która ją zapisała, albo lider.`
      : 'Tę obietnicę może zmienić tylko osoba odpowiedzialna, osoba, która ją zapisała, albo lider.',
  promise_closed_kept: 'Ta obietnica jest już oznaczona jako dotrzymana.',
  promise_closed_cancelled: 'Ta obietnica jest anulowana, więc nie można jej już zmienić.',
  promise_snooze_past_due: 'Przypomnienie wypadłoby już po terminie. Zmień termin i daj znać klientowi.',
};
