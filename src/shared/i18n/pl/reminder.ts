import { spokenDuration } from '../../dates/duration.js';
import type { Messages } from '../messages.js';

/** "godzinę po terminie", "3 dni i 17 godzin po terminie": the measure stands in the accusative. */
const late = (ms: number) => spokenDuration(ms, 'pl', 'accusative');
/** W pierwszej minucie: "właśnie po terminie" (nigdy "0 minut"). */
const overdue = (ms: number) => (ms < 60_000 ? 'właśnie po terminie' : `${late(ms)} po terminie`);

/** Przypomnienia, powiadomienia o terminie i alerty dla liderów. */
export const reminder: Messages['reminder'] = {
  remind_title: (relative: string) => `:alarm_clock: Przypomnienie: termin tej obietnicy mija ${relative}`,
  snoozed_title: (relative: string) => `:alarm_clock: Tak jak prosisz: termin tej obietnicy mija ${relative}`,
  due_title: ':hourglass: Właśnie mija termin tej obietnicy',
  due_late_title: (relative: string) => `:hourglass: Termin tej obietnicy minął ${relative}`,
  due_hint: 'Jeśli nie da się jej dotrzymać, zmień termin teraz i daj znać klientowi – powinien usłyszeć to najpierw od nas.',
  alert_title: (owner: string, lateMs: number) => `:rotating_light: Obietnica ${overdue(lateMs)} · odpowiada ${owner}`,
  escalate_title: (owner: string, lateMs: number) => `:rotating_light: Wciąż otwarta po dniu roboczym: ${overdue(lateMs)} · odpowiada ${owner}`,
  field_late: 'Opóźnienie',
  remind_text: (client: string, what: string, relative: string, at: string) => `${client}: ${what} – termin mija ${relative}, ${at}`,
  due_text: (client: string, what: string) => `${client}: ${what} – termin mija teraz`,
  due_late_text: (client: string, what: string, relative: string) => `${client}: ${what} – termin minął ${relative}`,
  alert_text: (owner: string, client: string, what: string, lateMs: number) => `${client}: ${what} – ${overdue(lateMs)}, odpowiada ${owner}`,
  escalate_text: (owner: string, client: string, what: string, lateMs: number) =>
    `${client}: ${what} – wciąż po terminie (${late(lateMs)}), odpowiada ${owner}`,
  nudge_text: (lead: string, client: string, what: string, lateMs: number) => `${lead} pyta o obietnicę – ${client}: ${what}, ${overdue(lateMs)}`,
  button_snooze: 'Przypomnij za godzinę',
  button_nudge: 'Wyślij przypomnienie',
  button_reassign: 'Przekaż',
  snoozed_reply: (relative: string, at: string) => `:zzz: Odłożone. Przypomnę Ci ${relative}, ${at}.`,
  nudge_dm: (lead: string, lateMs: number) =>
    `:wave: ${lead} pyta o tę obietnicę – jest ${overdue(lateMs)}. Oznacz ją jako dotrzymaną albo zmień termin i daj znać klientowi.`,
  nudged_reply: (owner: string) => `:wave: Wysłałem przypomnienie do ${owner}.`,
  modal_reassign_title: 'Przekaż obietnicę',
  modal_reassign_label: 'Kto ma odpowiadać?',
  modal_reassign_submit: 'Przekaż',
  reassigned_dm: (by: string) => `:handshake: ${by} przekazuje Ci tę obietnicę`,
  reassigned_reply: (owner: string) => `:handshake: Teraz odpowiada ${owner} – dałem znać.`,
  away_note: (owner: string, lastDay: string) => `:palm_tree: ${owner} – nieobecność do ${lastDay}. Przekaż obietnicę, żeby klient nie czekał.`,
  away_backup: (backup: string) => `Zastępstwo: ${backup}.`,
  away_push: 'osoba odpowiedzialna jest nieobecna',
};
