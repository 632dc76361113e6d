import type { Workspace } from '../shared/workspace/workspace.js';
import { RESPONSE_BOUNDS } from './client-record.js';
import type { ChannelLink } from './client-store.js';
import { answers, earliestStepAt, excerpt, firstResponseMs, median, stopWatch, tsToDate, type WatchedMessage, watchId } from './client-watch.js';
import type { WatchStore } from './client-watch-store.js';

/** A message in a linked channel, as the listener hands it over (bots and subtypes already left out). */
export interface ChannelMessage {
  readonly channelId: string;
  readonly ts: string;
  readonly threadTs?: string | undefined;
  readonly userId: string;
  readonly text: string;
}

/** Reads for the record and the recap: at most this many messages each. */
export const WATCH_READ = 500;

/**
 * The first-response watch: a client's message starts a clock, a teammate's reply (in its thread, or
 * at the top level after it), a promise logged from it, or "Not a request" stops it. Each message
 * costs a constant number of reads and writes; nothing else of the client's messages is kept.
 */
export class WatchService {
  constructor(private readonly store: WatchStore) {}

  /**
   * Starts the clock at the message's own time. A reply inside a thread the team already answered does
   * not start one. Returns the watched message, or undefined when none was started.
   */
  async clientMessage(workspace: Workspace, link: ChannelLink, message: ChannelMessage): Promise<WatchedMessage | undefined> {
    const messageAt = tsToDate(message.ts);
    if (!messageAt) return undefined;
    if (message.threadTs && (await this.store.isThreadAnswered(workspace, message.channelId, message.threadTs))) return undefined;
    const watched: WatchedMessage = {
      id: watchId(message.channelId, message.ts),
      clientId: link.clientId,
      channelId: message.channelId,
      ts: message.ts,
      threadTs: message.threadTs,
      authorId: message.userId,
      text: excerpt(message.text),
      messageAt,
      status: 'waiting',
      stepsDone: [],
      // The sweep works out the exact moment in the owner's working hours when it first looks.
      nextStepAt: earliestStepAt(messageAt, link.responseMinutes ?? RESPONSE_BOUNDS.min),
    };
    return (await this.store.create(workspace, watched)) ? watched : undefined;
  }

  /** A teammate wrote in a linked channel: every waiting message it answers stops. Returns how many. */
  async teamMessage(workspace: Workspace, message: ChannelMessage): Promise<number> {
    const answeredAt = tsToDate(message.ts);
    if (!answeredAt) return 0;
    const reply = { ts: message.ts, threadTs: message.threadTs };
    const [waiting] = await Promise.all([
      this.store.waitingIn(workspace, message.channelId, reply),
      message.threadTs ? this.store.markThreadAnswered(workspace, message.channelId, message.threadTs, answeredAt) : undefined,
    ]);
    const answered = waiting.filter((w) => answers(reply, w));
    await Promise.all(answered.map((w) => this.store.update(workspace, w.id, (current) => stopWatch(current, 'answered', message.userId, answeredAt))));
    return answered.length;
  }

  /** An edit keeps the stored excerpt current; an edit of a message nobody watches changes nothing. */
  edited(workspace: Workspace, channelId: string, ts: string, text: string): Promise<boolean> {
    return this.store.updateText(workspace, watchId(channelId, ts), excerpt(text));
  }

  /** A deleted message is forgotten, with its clock. */
  deleted(workspace: Workspace, channelId: string, ts: string): Promise<void> {
    return this.store.remove(workspace, watchId(channelId, ts));
  }

  /** "Not a request" (a thank-you, an FYI): the clock stops and the message no longer counts as waiting. */
  dismiss(workspace: Workspace, id: string, userId: string, now: Date): Promise<WatchedMessage | undefined> {
    return this.store.update(workspace, id, (current) => stopWatch(current, 'dismissed', userId, now));
  }

  /** A promise logged from the message is an answer: "I'll get back to you by…". */
  promised(workspace: Workspace, channelId: string, ts: string, userId: string, now: Date): Promise<WatchedMessage | undefined> {
    return this.store.update(workspace, watchId(channelId, ts), (current) => stopWatch(current, 'promised', userId, now));
  }

  get(workspace: Workspace, id: string): Promise<WatchedMessage | undefined> {
    return this.store.get(workspace, id);
  }

  waitingFor(workspace: Workspace, clientId: string, limit: number) {
    return this.store.waitingFor(workspace, clientId, limit);
  }

  /** The median time to a first answer (a reply or a promise) over the messages answered since `since`. */
  async medianFirstResponse(workspace: Workspace, clientId: string, since: Date): Promise<number | undefined> {
    const answered = await this.store.answeredSince(workspace, clientId, since, WATCH_READ);
    return median(answered.map(firstResponseMs).filter((ms): ms is number => ms !== undefined));
  }

  longestWaiting(workspace: Workspace, limit: number): Promise<WatchedMessage[]> {
    return this.store.longestWaiting(workspace, limit);
  }

  postedBetween(workspace: Workspace, from: Date, to: Date): Promise<WatchedMessage[]> {
    return this.store.postedBetween(workspace, from, to, WATCH_READ);
  }
}
