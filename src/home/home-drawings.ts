import type { KnownBlock } from '@slack/types';
import type { Workspace } from '../shared/workspace/workspace.js';

/** The parts of a person's Home as last published: what a refresh that names only some parts reuses. */
export interface DrawnHome {
  /** When it was published (for operators: a partial refresh reuses parts whatever their age). */
  readonly at: Date;
  /** What the parts depend on besides the data (language, zones, lead or not, settings rights): a change draws everything. */
  readonly shape: string;
  readonly parts: ReadonlyMap<string, KnownBlock[]>;
}

/** Where the last drawing of each person's Home is kept (Firestore in the app, so every instance sees the latest). */
export interface HomeDrawings {
  get(workspace: Workspace, userId: string): Promise<DrawnHome | undefined>;
  save(workspace: Workspace, userId: string, drawn: DrawnHome): Promise<void>;
}

/** Drawings kept in this process only, the least recent forgotten first: for tests and a single instance. */
export class InMemoryHomeDrawings implements HomeDrawings {
  private readonly drawn = new Map<string, DrawnHome>();

  constructor(private readonly capacity = 2_000) {}

  async get(workspace: Workspace, userId: string): Promise<DrawnHome | undefined> {
    return this.drawn.get(`${workspace.enterpriseId ?? ''}:${workspace.teamId}:${userId}`);
  }

  async save(workspace: Workspace, userId: string, drawn: DrawnHome): Promise<void> {
    const key = `${workspace.enterpriseId ?? ''}:${workspace.teamId}:${userId}`;
    this.drawn.delete(key);
    this.drawn.set(key, drawn);
    if (this.drawn.size > this.capacity) this.drawn.delete(this.drawn.keys().next().value!);
  }
}
