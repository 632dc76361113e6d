import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

/** "czeka 1 pytanie", "czekają 3 pytania", "czeka 5 pytań": the verb agrees with the number, as Polish wants. */
function waitingQuestions(count: number): string {
  const verb = new Intl.PluralRules('pl').select(count) === 'few' ? 'czekają' : 'czeka';
  return `${verb} ${plural('pl', count, { one: 'pytanie', few: 'pytania', many: 'pytań', other: 'pytania' })}`;
}

const p = (count: number, one: string, few: string, many: string) => plural('pl', count, { one, few, many, other: few });

/** /client: karta klienta, jej polecenia, pilnowanie pierwszej odpowiedzi, spotkania, kanały Slack Connect. */
export const client: Messages['client'] = {
  help_title: '*Klienci*: jedna karta na klienta – jego kanały, opiekun i czas, w jakim mu odpowiadamy.',
  help_lines: [
    '`/client ACME` – karta klienta · `/client lista` – wszyscy klienci · `/client dodaj ACME`',
    '`/client ACME kanał #acme-shared` · `/client ACME opiekun @ana` · `/client ACME zastępca @ben`',
    '`/client ACME odpowiedź 2h` · `/client ACME alias Acme Corp` · `/client ACME spotkanie co 4 tyg.`',
    '`/client ACME spotkanie dziś rozmowa z ich CTO`',
  ],
  help_rule:
    'Czytać może każdy. Kanały, opiekuna, czas na odpowiedź i częstotliwość spotkań zmieniają administratorzy i właściciele przestrzeni roboczej, liderzy i opiekun klienta.',
  list_title: (count: number) => `*Klienci* (${count})`,
  list_empty: 'Nie ma jeszcze klientów. Dodaj pierwszego: `/client dodaj ACME`.',
  list_line: (name: string, owner: string | undefined, channels: number, standard: string) =>
    `*${name}* · ${owner ? `opiekun ${owner}` : 'bez opiekuna'} · ${p(channels, 'kanał', 'kanały', 'kanałów')} · odpowiedź w ciągu ${standard}`,
  unknown: (name: string) => `Nie znam klienta *${name}*.`,
  unknown_suggest: (suggestion: string) => `Chodziło o *${suggestion}*?`,
  unknown_add: (name: string) => `Żeby go dodać: \`/client dodaj ${name}\``,
  added: (name: string) => `:white_check_mark: Dodałem klienta *${name}*. Teraz podłącz jego kanał: \`/client ${name} kanał #kanał\``,
  linked: (name: string, channel: string) =>
    `:white_check_mark: ${channel} to teraz kanał klienta *${name}*. Będę pilnować, żeby pytania nie czekały za długo.`,
  unlinked: (name: string, channel: string) => `:white_check_mark: ${channel} nie jest już kanałem klienta *${name}*.`,
  owner_set: (name: string, owner: string) => `:white_check_mark: Opiekunem klienta *${name}* jest teraz ${owner}.`,
  backup_set: (name: string, backup: string) => `:white_check_mark: Zastępcą opiekuna klienta *${name}* jest teraz ${backup}.`,
  backup_cleared: (name: string) => `:white_check_mark: Klient *${name}* nie ma już zastępcy opiekuna.`,
  response_set: (name: string, standard: string) => `:white_check_mark: *${name}* dostaje pierwszą odpowiedź w ciągu ${standard} w godzinach pracy.`,
  response_default: (name: string, standard: string) =>
    `:white_check_mark: *${name}* korzysta z czasu na odpowiedź ustawionego dla całego zespołu (${standard}).`,
  alias_added: (name: string, alias: string) => `:white_check_mark: *${alias}* to teraz także *${name}*.`,
  meet_set: (name: string, days: string) => `:white_check_mark: Przypomnę opiekunowi o spotkaniu z klientem *${name}* co ${days}.`,
  meet_cleared: (name: string) => `:white_check_mark: Nie będę przypominać o spotkaniach z klientem *${name}*.`,
  meeting_logged: (name: string, when: string) => `:white_check_mark: Zapisałem spotkanie z klientem *${name}* (${when}).`,
  created_too: (name: string) => `(Klienta *${name}* jeszcze nie było, więc go dodałem.)`,
  channel_not_member: (channel: string) => `Nie ma mnie jeszcze na kanale ${channel}. Wpisz tam \`/invite @Kept\` i podłącz kanał ponownie.`,
  channel_taken: (channel: string, other: string) =>
    `${channel} jest już kanałem klienta *${other}*. Najpierw go odłącz: \`/client ${other} odłącz ${channel}\``,
  days: (count: number) =>
    count % 7 === 0 ? (count === 7 ? 'tydzień' : p(count / 7, 'tydzień', 'tygodnie', 'tygodni')) : count === 1 ? 'dzień' : p(count, 'dzień', 'dni', 'dni'),
  problems: {
    name: 'Podaj nazwę klienta, np. `/client dodaj ACME`.',
    channel: 'Wskaż kanał przez #, np. `/client ACME kanał #acme-shared`.',
    owner: 'Wskaż opiekuna przez @wzmiankę, np. `/client ACME opiekun @ana`.',
    backup: 'Wskaż zastępcę przez @wzmiankę, np. `/client ACME zastępca @ben`, albo `/client ACME zastępca brak`.',
    response: 'Podaj czas na odpowiedź – od 5 minut do 40 godzin pracy, np. `/client ACME odpowiedź 2h` albo `30m`.',
    alias: 'Podaj drugą nazwę, np. `/client ACME alias Acme Corp` (najwyżej 80 znaków).',
    meet: 'Napisz, jak często się spotykać – od dnia do roku, np. `/client ACME spotkanie co 4 tyg.` albo `spotkania co miesiąc`, albo `spotkania brak`.',
    met: 'Napisz, kiedy było spotkanie, np. `/client ACME spotkanie dziś rozmowa z CTO` albo `spotkanie 28.11 przegląd kwartalny`.',
  },

  record_title: (name: string) => `*${name}*`,
  record_aliases: (aliases: string) => `Inne nazwy: ${aliases}`,
  record_people: (owner: string, backup: string) => `Opiekun: ${owner} · Zastępca: ${backup}`,
  nobody: 'jeszcze nikt',
  record_channels: (channels: string) => `Kanały: ${channels}`,
  record_no_channels: 'Nie podłączono jeszcze kanału.',
  record_standard: (standard: string, own: boolean) => `Pierwsza odpowiedź w ciągu ${standard} w godzinach pracy${own ? '' : ' (ustawienie zespołu)'}`,
  record_promises: (count: number) => `*Otwarte obietnice* (${count})`,
  record_no_promises: 'Brak otwartych obietnic.',
  record_promise_line: (what: string, due: string, overdue: boolean) =>
    `${overdue ? ':red_circle: ' : '• '}${what} – ${overdue ? `termin minął ${due}` : `termin ${due}`}`,
  record_rate: (rate: string, due: number) => `Terminowość z ostatnich 90 dni: *${rate}* (${p(due, 'obietnica', 'obietnice', 'obietnic')})`,
  record_no_rate: 'Terminowość z ostatnich 90 dni: żaden termin jeszcze nie minął.',
  record_incidents: (open: number, recent: number) => `Incydenty: otwarte ${open} · z ostatnich 90 dni ${recent}`,
  record_stories: (count: number) => `Historie z ostatnich 90 dni: ${count}`,
  record_waiting: (count: number) => `*Czeka na odpowiedź* (${count})`,
  record_no_waiting: 'Nikt nie czeka na odpowiedź.',
  record_waiting_line: (author: string, since: string, link: string) => `• Pytanie od ${author}, ${since} · ${link}`,
  record_median: (duration: string) => `Mediana czasu pierwszej odpowiedzi z 30 dni: ${duration}`,
  record_no_median: 'Mediana czasu pierwszej odpowiedzi z 30 dni: jeszcze bez pomiaru.',
  record_last_meeting: (when: string, note: string) => `Ostatnie spotkanie: ${when}${note ? ` – ${note}` : ''}`,
  record_no_meeting: 'Nie zapisano jeszcze spotkania.',
  record_next_meeting: (when: string, overdue: boolean) => (overdue ? `:warning: Termin kolejnego spotkania minął ${when}` : `Kolejne spotkanie: ${when}`),
  open_message: 'Otwórz wiadomość',

  watch_text: (client: string, since: string) => `${client}: pytanie czeka na odpowiedź (zadane ${since})`,
  watch_title: (client: string) => `:hourglass_flowing_sand: *${client}* czeka na odpowiedź`,
  watch_leads_title: (client: string) => `:rotating_light: *${client}* wciąż czeka na odpowiedź`,
  watch_who: (author: string, since: string, channel: string) => `${author} pyta na kanale ${channel} (${since}):`,
  watch_owner_line: (owner: string) => `Opiekun klienta: ${owner}`,
  watch_standing_in: (owner: string, lastDay: string) => `:palm_tree: ${owner} – nieobecność do ${lastDay}, więc piszę do Ciebie.`,
  button_reply: 'Odpowiedz',
  button_tell_when: 'Powiedz, kiedy',
  button_not_request: 'To nie pytanie',
  dismissed: ':white_check_mark: Oznaczone jako „to nie pytanie”. Zatrzymałem zegar.',
  already_answered: 'Na to pytanie ktoś już odpowiedział.',
  watch_gone: 'Tej wiadomości już nie ma – została usunięta albo nie jest już pilnowana.',
  tell_what: (text: string) => `Odpowiedź na: ${text}`,
  tell_label: 'Napisz w ich wątku',
  tell_hint: 'Wyślę dokładnie to, z osobą i terminem wybranymi wyżej.',
  tell_text: (owner: string, when: string) => `${owner} odpowie Ci do ${when}`,

  meeting_text: (client: string) => `Czas na spotkanie z klientem ${client}`,
  meeting_due: (client: string, since: string) => `:calendar: Czas na spotkanie z klientem *${client}* – ostatnie było ${since}.`,
  meeting_never: (client: string) => `:calendar: Czas na spotkanie z klientem *${client}* – nie zapisano jeszcze żadnego.`,
  meeting_hint: (client: string) => `Zapisz je: \`/client ${client} spotkanie dziś …\``,
  meetings_text: (count: number, first: string, rest: number) => `Czas na spotkania z klientami (${count}): ${first} i jeszcze ${rest}`,
  meetings_title: (count: number) => `:calendar: Czas na spotkania z klientami (${count}):`,
  meetings_line_due: (client: string, since: string) => `• *${client}* – ostatnie było ${since}`,
  meetings_line_never: (client: string) => `• *${client}* – nie zapisano jeszcze żadnego`,
  meetings_more: (count: number) => `…i jeszcze ${count}. Termin kolejnego spotkania pokaże \`/client ACME\`.`,
  meetings_hint: (client: string) => `Zapisz każde: \`/client ${client} spotkanie dziś …\``,

  connect_text: 'Dla którego klienta jest ten wspólny kanał?',
  connect_ask: (channel: string) => `Jestem teraz na kanale ${channel}, wspólnym z inną organizacją. Dla którego klienta jest ten kanał?`,
  connect_pick: 'Wybierz klienta',
  connect_new_label: 'Albo nowy klient',
  connect_new_placeholder: 'ACME',
  connect_button: 'Podłącz kanał',
  connect_need_choice: 'Wybierz klienta albo wpisz nową nazwę.',

  home_title: 'Twoi klienci',
  home_line: (name: string, waiting: number) => `*${name}*${waiting > 0 ? ` · :hourglass_flowing_sand: na odpowiedź ${waitingQuestions(waiting)}` : ''}`,
  home_meeting: (when: string, overdue: boolean) => (overdue ? `:warning: termin spotkania minął ${when}` : `kolejne spotkanie ${when}`),
  home_more: (count: number) => `…i jeszcze ${count}. \`/client lista\` pokazuje wszystkich.`,

  recap_not_measured: 'bez pomiaru',
  recap_title: '*Klienci*',
  recap_client: (name: string, parts: readonly string[]) => `*${name}*: ${parts.join(' · ')}`,
  recap_requests: (answered: number, asked: number, median: string) =>
    `w terminie odpowiedzieliśmy na ${answered} z ${asked === 1 ? '1 pytania' : `${asked} pytań`} (mediana pierwszej odpowiedzi: ${median})`,
  recap_kept: (kept: number, early: number) => `dotrzymane w terminie: ${kept}, przesunięte zawczasu: ${early}`,
  recap_incidents: (count: number) => p(count, 'incydent', 'incydenty', 'incydentów'),
  recap_waiting: (list: string) => `Najdłużej czekają: ${list}`,
  recap_waiting_item: (name: string, since: string) => `${name} (${since})`,
  recap_more: (count: number) => `Pozostali klienci: ${count}.`,
};

export const clientErrors: Record<keyof typeof import('../en/client.js').clientErrors, string> = {
  client_not_found: 'Nie znalazłem tego klienta. `/client lista` pokazuje wszystkich.',
  client_not_allowed: 'Tego klienta mogą zmieniać administratorzy i właściciele przestrzeni roboczej, liderzy Kept i opiekun klienta.',
  client_exists: 'Klient o tej nazwie (albo aliasie) już istnieje.',
  client_name_invalid: 'Podaj nazwę klienta do 80 znaków, bez znaków formatowania.',
  client_alias_taken: 'Inny klient ma już taką nazwę albo alias.',
  client_too_many_channels: 'Klient może mieć najwyżej 20 kanałów.',
  client_too_many_aliases: 'Klient może mieć najwyżej 10 aliasów.',
  client_meeting_future: 'Ta data jest w przyszłości. Zapisuj spotkania, które już się odbyły.',
};
