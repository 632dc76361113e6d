/**
 * A Slack workspace, the unit all data is partitioned by.
 * On Enterprise Grid an org-wide install may have no team id; the enterprise id stands in then.
 */
export interface Workspace {
  readonly teamId: string;
  readonly enterpriseId?: string | undefined;
}

/** The Firestore document id under `teams/`. */
export function workspaceKey(workspace: Workspace): string {
  return workspace.teamId;
}

export function workspaceFrom(teamId: string | undefined | null, enterpriseId: string | undefined | null): Workspace | undefined {
  if (teamId) return enterpriseId ? { teamId, enterpriseId } : { teamId };
  if (enterpriseId) return { teamId: enterpriseId, enterpriseId };
  return undefined;
}
