import type { Messages } from '../messages.js';
import { plural } from '../plural.js';

const characters = (count: number) => plural('pl', count, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' });
const people = (count: number) => plural('pl', count, { one: 'osoby', few: 'osób', many: 'osób', other: 'osoby' });

/**
 * Workflow Builder steps, in Polish. Fields are named as the manifest titles them (Workflow Builder shows
 * those, in English, whatever the workspace's language).
 */
export const workflow: Messages['workflow'] = {
  promise_for_owner: ':handshake: Przepływ pracy zapisał dla Ciebie obietnicę',
  incident_for_owner: ':rotating_light: Przepływ pracy zgłosił incydent, za który odpowiadasz',
  client_required: 'W kroku brakuje klienta. Wpisz nazwę klienta w polu „Client”.',
  client_too_long: (max: number) => `Nazwa klienta może mieć najwyżej ${characters(max)}.`,
  what_required: 'W kroku brakuje obietnicy. Uzupełnij pole „What was promised”.',
  what_too_long: (max: number) => `Treść obietnicy może mieć najwyżej ${characters(max)}.`,
  owner_required: 'W kroku brakuje osoby odpowiedzialnej. Wybierz ją w polu „Owner”.',
  owner_not_person: 'Odpowiadać musi osoba z zespołu, a nie bot ani dezaktywowane konto.',
  due_required: 'W kroku brakuje terminu. Podaj datę i godzinę w polu „Due”.',
  due_past: (due: string) => `Termin (${due}) już minął. Podaj termin w przyszłości.`,
  source_link_invalid: 'Link do źródła musi zaczynać się od https://.',
  summary_required: 'W kroku brakuje opisu. Napisz w polu „Summary”, co nie działa.',
  summary_too_long: (max: number) => `Opis może mieć najwyżej ${characters(max)}.`,
  severity_unknown: (value: string) => `Nie znam poziomu „${value}”. Wpisz sev1, sev2 albo sev3.`,
  incident_owner_required:
    'Wybierz osobę odpowiedzialną albo najpierw ustaw liderów (/kept leads @ana) – gdy nikt nie jest wskazany, za incydent odpowiada pierwszy lider.',
  no_incidents_channel: 'Najpierw ustaw kanał incydentów (/kept channel incidents #incydenty) – tam publikuję incydenty.',
  cannot_post_incident: 'Nie mogę pisać na kanale incydentów. Zaproś mnie tam (/invite @Kept) albo wybierz inny kanał przez /kept channel incidents.',
  featured_required: 'Wybierz w polu „Featured” co najmniej jedną osobę z zespołu.',
  featured_too_many: (max: number) => `Historia może dotyczyć najwyżej ${people(max)}.`,
  featured_not_people: 'Historia dotyczy ludzi z zespołu, a nie botów ani dezaktywowanych kont.',
  story_what_required: 'W kroku brakuje historii. Uzupełnij pole „What happened”.',
  story_what_too_long: (max: number) => `Historia może mieć najwyżej ${characters(max)}.`,
  why_too_long: (max: number) => `Pole „Why it mattered” może mieć najwyżej ${characters(max)}.`,
  no_recap_channel: 'Najpierw ustaw kanał podsumowań (/kept channel recap #sukcesy) – tam publikuję historie.',
};
