import type { en } from './en.js';

/** The shape every catalogue has: English is the reference, and each other language must match it. */
export type Messages = typeof en;
