import type { HomeRefresher } from '../shared/slack/home-refresher.js';
import type { ContextDeps } from '../shared/slack/request-context.js';

/** What the `/kept` command and the settings form share. */
export interface SettingsListenerDeps extends ContextDeps {
  /** Republishes the App Home of people a settings change concerns; absent, nothing is refreshed. */
  readonly home?: HomeRefresher;
}
