// Reading a slash command's free text: mentions as Slack escapes them, and which text before a colon is a client.
import { describe, expect, it } from 'vitest';
import {
  firstMention,
  mentionedUsers,
  splitClient,
  takeLeadingMention,
  takeLeadingMentions,
  takeOwnerMention,
  takeTrailingMention,
} from '../../src/shared/command-text.js';

describe('the client before a colon', () => {
  it('is the trimmed text before the first separating colon', () => {
    expect(splitClient('  ACME Corp : send the quote ', 40)).toEqual({ client: 'ACME Corp', rest: 'send the quote' });
    expect(splitClient('ACME: call at 10:30: bring the deck', 40)).toEqual({ client: 'ACME', rest: 'call at 10:30: bring the deck' });
  });

  it('is not a time (10:30) nor the scheme of a link (https://)', () => {
    expect(splitClient('call back at 10:30', 40)).toEqual({ rest: 'call back at 10:30' });
    expect(splitClient('see https://acme.example/x', 40)).toEqual({ rest: 'see https://acme.example/x' });
    expect(splitClient('read https://acme.example: then call', 40)).toEqual({ client: 'read https://acme.example', rest: 'then call' });
  });

  it('is no client when empty, too long, holding a mention or a time', () => {
    expect(splitClient(': send it', 40)).toEqual({ rest: ': send it' });
    expect(splitClient('   : send it', 40)).toEqual({ rest: ': send it' });
    expect(splitClient(`${'A'.repeat(41)}: send it`, 40)).toEqual({ rest: `${'A'.repeat(41)}: send it` });
    expect(splitClient(`${'A'.repeat(40)}: send it`, 40)).toEqual({ client: 'A'.repeat(40), rest: 'send it' });
    expect(splitClient('<@U123ABC> ACME: send it', 40)).toEqual({ rest: '<@U123ABC> ACME: send it' });
    expect(splitClient('by 10:30 ACME: send it', 40)).toEqual({ rest: 'by 10:30 ACME: send it' });
  });

  it('takes only a digit on both sides of a colon for a time', () => {
    expect(splitClient('ACME 2: send it', 40)).toEqual({ client: 'ACME 2', rest: 'send it' });
    expect(splitClient('Route 66: deliver 3 boxes', 40)).toEqual({ client: 'Route 66', rest: 'deliver 3 boxes' });
    expect(splitClient('Team 5 West:30 copies', 40)).toEqual({ client: 'Team 5 West', rest: '30 copies' });
    // "9:3B" is no time of day (minutes have two digits), so the name before the next colon stands.
    expect(splitClient('Unit 9:3B: ship it', 40)).toEqual({ client: 'Unit 9:3B', rest: 'ship it' });
  });

  it('is none without a colon, and the rest is trimmed', () => {
    expect(splitClient('  send the quote  ', 40)).toEqual({ rest: 'send the quote' });
  });
});

describe('mentions', () => {
  it('finds the first user and every user once, in order, with or without a label', () => {
    expect(firstMention('thanks <@UBEN|ben> and <@WANA>')).toBe('UBEN');
    expect(firstMention('no one here <#C123|general>')).toBeUndefined();
    expect(mentionedUsers('<@UBEN> <@UANA|ana> <@UBEN|ben>')).toEqual(['UBEN', 'UANA']);
    expect(mentionedUsers('<@U1> is too short to be an id')).toEqual([]);
  });

  it('takes a mention at the start or at the end, and the text around it', () => {
    expect(takeLeadingMention('  <@UANA|ana>  ACME: call')).toEqual({ userId: 'UANA', rest: 'ACME: call' });
    expect(takeLeadingMention('ACME: call <@UANA>')).toEqual({ rest: 'ACME: call <@UANA>' });
    expect(takeTrailingMention('ACME: call  <@UANA>  ')).toEqual({ userId: 'UANA', rest: 'ACME: call' });
    expect(takeTrailingMention('<@UANA> ACME: call')).toEqual({ rest: '<@UANA> ACME: call' });
  });

  it('takes the owner from the start, else from the end, else none', () => {
    expect(takeOwnerMention('<@UANA> ACME: call <@UBEN>')).toEqual({ ownerId: 'UANA', rest: 'ACME: call <@UBEN>' });
    expect(takeOwnerMention('ACME: call <@UBEN>')).toEqual({ ownerId: 'UBEN', rest: 'ACME: call' });
    expect(takeOwnerMention('ACME: call <@UBEN> today')).toEqual({ rest: 'ACME: call <@UBEN> today' });
  });

  it('takes every mention at the start, joined by commas or "and" in English and Polish, once each', () => {
    expect(takeLeadingMentions('<@UANA>, <@UBEN> and <@UCARL> stayed late')).toEqual({ userIds: ['UANA', 'UBEN', 'UCARL'], rest: 'stayed late' });
    expect(takeLeadingMentions('<@UANA> i <@UBEN> oraz <@UANA> zostali')).toEqual({ userIds: ['UANA', 'UBEN'], rest: 'zostali' });
    expect(takeLeadingMentions('<@UANA> &amp; <@UBEN> & <@UCARL> won')).toEqual({ userIds: ['UANA', 'UBEN', 'UCARL'], rest: 'won' });
    expect(takeLeadingMentions('stayed late with <@UANA>')).toEqual({ userIds: [], rest: 'stayed late with <@UANA>' });
    // Only a joining word right after a mention goes; one later in the text stays, and so does its spacing.
    expect(takeLeadingMentions('<@UANA> stayed and <@UBEN> helped')).toEqual({ userIds: ['UANA'], rest: 'stayed and <@UBEN> helped' });
    expect(takeLeadingMentions('<@UANA>,   stayed late')).toEqual({ userIds: ['UANA'], rest: 'stayed late' });
  });
});
