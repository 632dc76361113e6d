import { describe, expect, it } from 'vitest';
import { acknowledge, LIMITS, recordClientUpdated, resolveIncident } from '../../src/incidents/client-incident.js';
import { buildCadenceAlert, buildCadenceReminder, buildUnacknowledgedAlert, threadText } from '../../src/incidents/incident-alert-blocks.js';
import { buildIncidentMessage, INCIDENT_ACTIONS } from '../../src/incidents/incident-blocks.js';
import { buildNewIncidentModal, buildReassignIncidentModal, buildResolveModal, buildUpdateModal } from '../../src/incidents/incident-modals.js';
import { messagesFor } from '../../src/shared/i18n/index.js';
import { SLACK_LIMITS } from '../../src/shared/slack/block-kit.js';
import { NOMINATE_STORY_ACTION } from '../../src/shared/slack/story-nomination.js';
import type { Viewer } from '../../src/shared/viewer.js';
import { anIncident, hours, minutes, POLICY } from './incident-fixtures.js';

const viewer = (language: 'en' | 'pl', now = hours(2)): Viewer => ({ m: messagesFor(language), timeZone: 'Europe/Warsaw', now });
const actionIds = (blocks: any[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
const long = 'x'.repeat(5_000);

describe('the incident message', () => {
  it('shows status, owner, age and when the client last heard from us, with the buttons that fit the status', () => {
    const open = buildIncidentMessage(viewer('en'), anIncident({ severity: 'sev1' }), POLICY);
    const text = JSON.stringify(open.blocks);
    expect(text).toContain('Open, not acknowledged yet');
    expect(text).toContain('<@UOWNER>');
    expect(text).toContain('2 h (since Tue 1 Dec at 10:00)');
    expect(text).toContain('not yet');
    expect(text).toContain('update overdue by an hour');
    expect(actionIds(open.blocks)).toEqual([
      INCIDENT_ACTIONS.acknowledge,
      INCIDENT_ACTIONS.update,
      INCIDENT_ACTIONS.clientUpdated,
      INCIDENT_ACTIONS.resolve,
      INCIDENT_ACTIONS.reassign,
      INCIDENT_ACTIONS.promise,
    ]);
    const resolved = resolveIncident(acknowledge(anIncident(), 'UOWNER', minutes(5)), 'UOWNER', { note: 'fixed', clientConfirmed: false }, hours(1));
    expect(actionIds(buildIncidentMessage(viewer('en'), resolved, POLICY).blocks)).toEqual([
      INCIDENT_ACTIONS.reopen,
      INCIDENT_ACTIONS.promise,
      NOMINATE_STORY_ACTION,
    ]);
  });

  it('reads naturally in Polish', () => {
    const text = JSON.stringify(buildIncidentMessage(viewer('pl'), acknowledge(anIncident(), 'UANA', minutes(3)), POLICY).blocks);
    expect(text).toContain('Przyjęty');
    expect(text).toContain('Trwa');
    expect(text).toContain('jeszcze żadnej');
    expect(text).toContain('Informujemy klienta co 4 godziny');
    expect(text).toContain('Zgłoszony przez <@UREPORTER>');
    expect(text).not.toMatch(/\(a\)|\(-ęła\)|Właściciel/);
  });

  it('tells the incident’s story in Polish without gender brackets, durations in the case their preposition needs', () => {
    const acknowledged = acknowledge(anIncident({ severity: 'sev1' }), 'UANA', minutes(3));
    const informed = recordClientUpdated(acknowledged, 'UANA', minutes(20));
    const resolved = resolveIncident(informed, 'UANA', { note: 'naprawione', clientConfirmed: true }, hours(1));
    const thread = [acknowledged, informed, resolved].map((incident) => threadText(viewer('pl', minutes(20)), incident, incident.timeline.at(-1)!, POLICY));
    expect(thread).toEqual([
      ':eyes: <@UANA> przyjmuje incydent.',
      ':speech_balloon: Klient poinformowany (<@UANA>). Następna wiadomość najpóźniej o 11:20.',
      ':white_check_mark: Incydent rozwiązany (<@UANA>): naprawione\nKlient potwierdził naprawę.',
    ]);
    // Opened at 10:00 Warsaw, sev1 every hour: at 12:00 the client has waited two hours.
    const reminder = buildCadenceReminder(viewer('pl', hours(2)), anIncident({ severity: 'sev1' }), POLICY);
    expect(JSON.stringify(reminder.blocks)).toContain('Klient nie ma od nas wiadomości od 2 godzin (informujemy co godzinę).');
    expect(reminder.text).toBe('SEV1 · ACME: checkout returns 500 – klient nie ma od nas wiadomości od 2 godzin');
    const alert = buildUnacknowledgedAlert(viewer('pl', minutes(15)), anIncident({ severity: 'sev1' }), POLICY);
    expect(JSON.stringify(alert.blocks)).toContain('Nikt nie przyjął tego incydentu SEV1 od 15 minut.');
  });

  it('stays within Slack’s limits with the longest inputs, in every message and modal, in both languages', () => {
    const big = {
      ...anIncident({ severity: 'sev3' }),
      client: long.slice(0, LIMITS.client),
      title: long.slice(0, LIMITS.title),
      description: long.slice(0, LIMITS.description),
    };
    const resolved = resolveIncident(big, 'UOWNER', { note: long.slice(0, LIMITS.note), clientConfirmed: true }, hours(1));
    for (const language of ['en', 'pl'] as const) {
      const v = viewer(language);
      for (const message of [
        buildIncidentMessage(v, big, POLICY),
        buildIncidentMessage(v, resolved, POLICY),
        buildCadenceReminder(v, big, POLICY),
        buildCadenceAlert(v, big, POLICY),
        buildUnacknowledgedAlert(v, big, POLICY),
      ]) {
        expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
        for (const block of message.blocks as any[]) {
          if (block.text?.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
          for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionField);
        }
      }
      for (const modal of [
        buildNewIncidentModal(v, {}, '{}'),
        buildUpdateModal(v, big, '{}'),
        buildResolveModal(v, big, '{}'),
        buildReassignIncidentModal(v, big, '{}'),
      ]) {
        expect(modal.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
        expect(modal.submit!.text.length).toBeLessThanOrEqual(24);
      }
    }
  });
});
