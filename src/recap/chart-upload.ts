import type { webApi } from '@slack/bolt';
import { classifySlackError } from '../shared/slack/slack-poster.js';
import type { Workspace } from '../shared/workspace/workspace.js';

export interface ChartUpload {
  readonly channel: string;
  /** The recap post the chart belongs to: it goes into that post's thread. */
  readonly threadTs: string;
  readonly png: Buffer;
  readonly filename: string;
  readonly title: string;
  readonly altText: string;
}

export type UploadResult = { readonly ok: true; readonly fileId?: string | undefined } | { readonly ok: false; readonly error: string };

export interface ChartUploader {
  upload(workspace: Workspace, chart: ChartUpload): Promise<UploadResult>;
}

/**
 * Slack's upload flow through the Web API client's `filesUploadV2`: files.getUploadURLExternal,
 * the bytes to the returned URL, then files.completeUploadExternal sharing the file into the
 * recap post's thread. Needs the `files:write` scope.
 */
export class SlackChartUploader implements ChartUploader {
  constructor(private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | undefined>) {}

  async upload(workspace: Workspace, chart: ChartUpload): Promise<UploadResult> {
    const client = await this.clientFor(workspace);
    if (!client) return { ok: false, error: 'no_installation' };
    try {
      const response = await client.filesUploadV2({
        channel_id: chart.channel,
        thread_ts: chart.threadTs,
        file: chart.png,
        filename: chart.filename,
        title: chart.title,
        alt_text: chart.altText,
      });
      const completed = (response as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0];
      return { ok: true, fileId: completed?.id };
    } catch (error) {
      return { ok: false, error: classifySlackError(error).error };
    }
  }
}
