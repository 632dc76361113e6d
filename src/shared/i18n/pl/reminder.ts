import type { Messages } from '../messages.js';

/** Przypomnienia, powiadomienia o terminie i alerty dla liderów. */
export const reminder: Messages['reminder'] = {
  remind_title: (relative: string) => `:alarm_clock: Przypomnienie: termin obietnicy ${relative}`,
  snoozed_title: (relative: string) => `:alarm_clock: Zgodnie z prośbą: termin obietnicy ${relative}`,
  due_title: ':hourglass: Właśnie mija termin tej obietnicy',
  due_hint: 'Jeśli nie da się jej dotrzymać, zmień termin teraz i powiedz klientowi: powinien usłyszeć to najpierw od nas.',
  alert_title: (owner: string, late: string) => `:rotating_light: Po terminie o ${late}: obietnica, której właścicielem jest ${owner}`,
  escalate_title: (owner: string, late: string) =>
    `:rotating_light: Nadal po terminie po dniu roboczym (${late}): obietnica, której właścicielem jest ${owner}`,
  field_late: 'Opóźnienie',
  button_snooze: 'Odłóż o 1 godz.',
  button_nudge: 'Przypomnij właścicielowi',
  button_reassign: 'Przekaż',
  snoozed_reply: (when: string) => `:zzz: Odłożone. Przypomnę ponownie o ${when}.`,
  nudge_dm: (lead: string, late: string) =>
    `:wave: ${lead} pyta o tę obietnicę, po terminie o ${late}. Oznacz ją jako dotrzymaną albo zmień termin i powiedz klientowi.`,
  nudged_reply: (owner: string) => `:wave: Przypomniano: ${owner}.`,
  modal_reassign_title: 'Przekaż obietnicę',
  modal_reassign_label: 'Nowy właściciel',
  modal_reassign_submit: 'Przekaż',
  reassigned_dm: (by: string) => `:handshake: ${by} przekazał(a) Ci tę obietnicę`,
  reassigned_reply: (owner: string) => `:handshake: Nowy właściciel: ${owner} (dostał(a) wiadomość).`,
  away_note: (owner: string, lastDay: string) => `:palm_tree: ${owner} – nieobecność do ${lastDay}. Przekaż obietnicę, żeby klient nie czekał.`,
  away_backup: (backup: string) => `Zastępstwo: ${backup}.`,
  away_push: 'osoba odpowiedzialna jest nieobecna',
};
