import { spokenDuration } from '../../dates/duration.js';
import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

/** "od 2 godzin" (genitive), "po 12 minutach" (locative), "o godzinę" (accusative). */
const since = (ms: number) => spokenDuration(ms, 'pl', 'genitive');
const after = (ms: number) => spokenDuration(ms, 'pl', 'locative');
const by = (ms: number) => spokenDuration(ms, 'pl', 'accusative');

/** /incident: polecenie, wiadomość o incydencie i jej wątek, formularze, lista, statystyki, przypomnienia. */
export const incident: Messages['incident'] = {
  examples: [
    '`/incident ACME sev1: koszyk zwraca błąd 500 od 9:00`',
    '`/incident @ana Globex: faktury w PDF są puste` (domyślnie sev2)',
    '`/incident` otwiera formularz · `/incident lista` · `/incident statystyki`',
  ],
  help_title: '*Zgłoś incydent klienta*: najpierw klient i dwukropek (możesz dodać `sev1`, `sev2` albo `sev3`), potem co się stało.',
  understood: 'Oto, co zrozumiałem:',
  problem_client: 'Nie widzę nazwy klienta. Wpisz ją przed dwukropkiem, np. `ACME sev1: …`.',
  problem_title: 'Nie widzę, co się stało – napisz to po nazwie klienta.',
  problem_owner_bot: 'Bot nie może odpowiadać za incydent. Wskaż osobę z zespołu.',
  problem_owner_unknown: (who: string) => `Slack nie pokazuje mi osoby ${who} w tej przestrzeni roboczej, więc niczego nie zgłosiłem. Wskaż kogoś z zespołu.`,
  finish_in_form: 'Dokończ w formularzu',
  severity_names: { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3' },
  severity_options: { sev1: 'SEV1: krytyczny, klient zablokowany', sev2: 'SEV2: poważny, klient utrudniony', sev3: 'SEV3: drobny' },
  status_names: { open: 'Otwarty, czeka na przyjęcie', acknowledged: 'Przyjęty', resolved: 'Rozwiązany' },
  field_status: 'Status',
  field_owner: 'Odpowiada',
  field_open_for: 'Trwa',
  field_resolved_in: 'Czas rozwiązania',
  field_client_heard: 'Ostatnia wiadomość do klienta',
  field_resolution: 'Rozwiązanie',
  since: (when: string) => `od ${when}`,
  heard_never: 'jeszcze żadnej',
  heard_ago: (ms: number) => `${by(ms)} temu`,
  heard_just_now: 'przed chwilą',
  next_update_due: (at: string) => `następna najpóźniej ${at}`,
  update_overdue: (ms: number) => `:warning: następna spóźniona o ${by(ms)}`,
  reported_by: (user: string) => `Zgłoszony przez ${user}`,
  cadence_line: (every: string) => `Informujemy klienta ${every}`,
  source_link: (url: string) => `<${url}|Zapisany z tej wiadomości>`,
  as_of: (when: string) => `Stan na ${when}`,
  metrics_line: (acknowledgeMs: number | undefined, resolveMs: number | undefined, cadence: string) =>
    `${acknowledgeMs === undefined ? 'Nieprzyjęty' : `Przyjęty po ${after(acknowledgeMs)}`} · ${resolveMs === undefined ? 'nierozwiązany' : `rozwiązany po ${after(resolveMs)}`} · wiadomości do klienta w terminie: ${cadence}`,
  client_confirmed: 'Klient potwierdził naprawę.',
  client_not_confirmed: 'Klient jeszcze nie potwierdził naprawy.',
  button_acknowledge: 'Przyjmuję',
  button_update: 'Dodaj aktualizację',
  button_client_updated: 'Klient poinformowany',
  button_resolve: 'Rozwiąż',
  button_reopen: 'Otwórz ponownie',
  button_reassign: 'Przekaż',
  button_promise: 'Zapisz obietnicę',
  button_open: 'Pokaż incydent',
  fix_for: (title: string) => `Naprawa: ${title}`,
  thread_acknowledged: (who: string) => `:eyes: ${who} przyjmuje incydent.`,
  thread_update: (who: string, text: string, clientTold: boolean) => `:memo: ${who}${clientTold ? ' (klient wie)' : ''}: ${text}`,
  thread_client_updated: (who: string, at: string) => `:speech_balloon: Klient poinformowany (${who}). Następna wiadomość najpóźniej ${at}.`,
  thread_reassigned: (who: string, to: string) => `:busts_in_silhouette: ${who} przekazuje incydent – teraz odpowiada ${to}.`,
  thread_resolved: (who: string, note: string, confirmed: boolean) =>
    `:white_check_mark: Incydent rozwiązany (${who}): ${note}\n${confirmed ? 'Klient potwierdził naprawę.' : 'Klient jeszcze nie potwierdził naprawy.'}`,
  thread_reopened: (who: string) => `:leftwards_arrow_with_hook: Incydent otwarty ponownie (${who}).`,
  opened_reply: (channel: string) => `:rotating_light: Zgłoszone – incydent jest na ${channel}, a aktualizacje trafiają do jego wątku.`,
  opened_for_owner: (reporter: string) => `:rotating_light: Nowy incydent od ${reporter} – odpowiadasz za niego`,
  cannot_post: (channel: string) =>
    `:warning: Nie mogę opublikować incydentu na ${channel}, więc niczego nie zapisałem. Zaproś tam Kept (\`/invite @Kept\` na tym kanale) albo poproś administratora lub lidera o wskazanie kanału incydentów: \`/kept kanał incydenty #kanał\`, i spróbuj ponownie.`,
  cannot_post_modal:
    'Kept nie może publikować na kanale, na który powinien trafić ten incydent, więc niczego nie zapisałem. Zaproś tam Kept (/invite @Kept) albo poproś administratora lub lidera o wskazanie kanału incydentów: /kept kanał incydenty #kanał.',
  you_typed: (text: string) => `Twoje polecenie: \`${text}\``,
  message_not_updated: (channel: string) =>
    `:warning: Zapisane, ale nie mogę zaktualizować wiadomości o incydencie na ${channel}. Zaproś tam Kept (\`/invite @Kept\`).`,
  done_reply: (client: string, status: string) => `:white_check_mark: Zapisane – incydent *${client}*: ${status.toLocaleLowerCase('pl')}.`,
  reassigned_dm: (who: string) => `:busts_in_silhouette: ${who} przekazuje Ci ten incydent`,
  reassigned_reply: (owner: string) => `:busts_in_silhouette: Teraz odpowiada ${owner} – dałem znać.`,
  modal_new_title: 'Nowy incydent',
  modal_new_submit: 'Zgłoś',
  modal_close: 'Zamknij',
  modal_client_label: 'Klient',
  modal_client_placeholder: 'ACME',
  modal_severity_label: 'Poziom',
  modal_title_label: 'Co się stało?',
  modal_title_placeholder: 'Koszyk zwraca błąd 500',
  modal_description_label: 'Szczegóły',
  modal_description_placeholder: 'Od kiedy, kogo dotyczy, co już wiemy',
  modal_owner_label: 'Kto odpowiada?',
  modal_update_title: 'Aktualizacja',
  modal_update_submit: 'Dodaj',
  modal_update_label: 'Aktualizacja',
  modal_update_placeholder: 'Wycofaliśmy wdrożenie – błędów jest coraz mniej',
  modal_told_label: 'Klient',
  modal_told_option: 'Klient to usłyszał',
  modal_resolve_title: 'Rozwiązanie incydentu',
  modal_resolve_submit: 'Rozwiąż',
  modal_resolve_label: 'Jak został rozwiązany?',
  modal_resolve_placeholder: 'Poprawiony limit czasu bramki płatności – koszyk znów działa',
  modal_confirmed_label: 'Klient',
  modal_confirmed_option: 'Klient potwierdził naprawę',
  modal_reassign_title: 'Przekaż incydent',
  modal_reassign_label: 'Kto ma odpowiadać?',
  modal_reassign_submit: 'Przekaż',
  error_client_required: 'Wpisz klienta.',
  error_too_long: (max: number) => `Najwyżej ${plural('pl', max, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}.`,
  error_title_required: 'Napisz, co się stało.',
  error_text_required: 'Wpisz treść aktualizacji.',
  error_note_required: 'Napisz krótko, jak go rozwiązaliśmy – trafi to do przebiegu incydentu.',
  error_owner_bot: 'Bot nie może odpowiadać za incydent.',
  list_title: (count: number) => `Otwarte incydenty (${count})`,
  list_empty: 'Brak otwartych incydentów. :sunny:',
  list_more: (count: number) => `…i jeszcze ${count}.`,
  stats_title: 'Incydenty z ostatnich 30 dni',
  stats_counts: (opened: number, resolved: number, open: number) =>
    `Zgłoszone: ${plural('pl', opened, { one: 'incydent', few: 'incydenty', many: 'incydentów', other: 'incydentu' })} · rozwiązane: ${resolved} · nadal otwarte: ${open}`,
  stats_acknowledge: (median: string, count: number) => `Mediana czasu do przyjęcia: ${median}${count > 0 ? ` · przyjęte incydenty: ${count}` : ''}`,
  stats_unacknowledged: (count: number) =>
    `:warning: *Nadal bez przyjęcia: ${plural('pl', count, { one: 'incydent', few: 'incydenty', many: 'incydentów', other: 'incydentu' })}*`,
  stats_unacknowledged_item: (severity: string, client: string, title: string, when: string) => `• ${severity} *${client}*: ${title} · zgłoszony ${when}`,
  stats_unacknowledged_more: (count: number, command: string) => `…i jeszcze ${count}: ${command}`,
  stats_resolve: (median: string) => `Mediana czasu do rozwiązania: ${median}`,
  stats_cadence: (sent: number, due: number, percent: number) => `Wiadomości do klienta w terminie: ${sent} z ${due} wymaganych (${percent}%)`,
  stats_cadence_none: 'Wiadomości do klienta w terminie: żadna nie była jeszcze wymagana',
  stats_none: '—',
  stats_hint: 'Czas do przyjęcia liczymy od zgłoszenia do pierwszego przyjęcia, aktualizacji albo rozwiązania.',
  stats_cadence_hint:
    'Wiadomość dla klienta jest wymagana za każdym razem, gdy od poprzedniej minie czas wynikający z częstotliwości informowania klienta (domyślnie przy SEV1 co godzinę). W terminie znaczy, że klient dostał ją wcześniej.',
  remind_title: (silenceMs: number, every: string) => `:hourglass: Klient nie ma od nas wiadomości od ${since(silenceMs)} (informujemy ${every}).`,
  remind_hint: 'Powiedz klientowi, jak wygląda sytuacja, i kliknij *Klient poinformowany* (albo dodaj aktualizację z zaznaczonym „Klient to usłyszał”).',
  alert_title: (owner: string, silenceMs: number) =>
    `:rotating_light: Klient nie ma od nas wiadomości od ${since(silenceMs)} – dwa razy dłużej, niż zakłada częstotliwość informowania. Odpowiada ${owner}.`,
  unacknowledged_title: (minutes: number) => `:rotating_light: Nikt nie przyjął tego incydentu SEV1 od ${since(minutes * 60_000)}.`,
  remind_text: (incident: string, silenceMs: number) => `${incident} – klient nie ma od nas wiadomości od ${since(silenceMs)}`,
  alert_text: (incident: string, owner: string, silenceMs: number) =>
    `${incident} – klient nie ma od nas wiadomości od ${since(silenceMs)}, odpowiada ${owner}`,
  unacknowledged_text: (incident: string, minutes: number) => `${incident} – nikt go nie przyjął od ${since(minutes * 60_000)}`,
};

export const incidentErrors: typeof import('../en/incident.js').incidentErrors = {
  incident_not_found: 'Nie mogę znaleźć tego incydentu. Może został usunięty.',
  incident_not_allowed: (owner?: string) =>
    owner
      ? `Za ten incydent odpowiada ${owner}. Rozwiązać albo przekazać go może tylko osoba odpowiedzialna, lider albo administrator przestrzeni roboczej.`
      : 'Rozwiązać albo przekazać ten incydent może tylko osoba odpowiedzialna, lider albo administrator przestrzeni roboczej.',
  incident_resolved: 'Ten incydent jest rozwiązany. Jeśli problem wrócił, najpierw otwórz go ponownie.',
  incident_timeline_full: 'Przebieg tego incydentu jest już pełny. Rozwiąż go i zgłoś nowy dla tego, co zostało.',
};
