/**
 * Configuration keys that have been renamed. A config.json deployed before the rename may still
 * hold an old name: it is read as the new one (when both are there, the new one wins and the old
 * one is ignored), and `doctor` warns which name to use instead. The schema itself knows only the
 * new names, so nothing else has to.
 */
import { isPlainObject } from './plain-object';

export interface RenamedKey {
  /** The top-level section holding the key, e.g. "store". */
  section: string;
  from: string;
  to: string;
}

export const RENAMED_KEYS: readonly RenamedKey[] = [
  // Issue 24: the insurance re-check queue is no longer called the outbox (the HIS has that one).
  { section: 'store', from: 'outboxIntervalSeconds', to: 'recheckIntervalSeconds' },
  { section: 'store', from: 'outboxRetryBaseSeconds', to: 'recheckRetryBaseSeconds' },
  { section: 'store', from: 'outboxRetryMaxSeconds', to: 'recheckRetryMaxSeconds' },
];

/** An old name found in a file: its path, the path to use, and whether the new one overrode it. */
export interface RenamedKeyUse {
  from: string;
  to: string;
  ignored: boolean;
}

/** A copy of `raw` with every old name moved to its new one, and what was moved. */
export function applyRenamedKeys(raw: unknown): { raw: unknown; used: RenamedKeyUse[] } {
  if (!isPlainObject(raw)) return { raw, used: [] };
  const out: Record<string, unknown> = { ...raw };
  const used: RenamedKeyUse[] = [];
  for (const key of RENAMED_KEYS) {
    const section = out[key.section];
    if (!isPlainObject(section) || !(key.from in section)) continue;
    const { [key.from]: value, ...rest } = section;
    const ignored = key.to in rest;
    out[key.section] = ignored ? rest : { ...rest, [key.to]: value };
    used.push({ from: `${key.section}.${key.from}`, to: `${key.section}.${key.to}`, ignored });
  }
  return { raw: out, used };
}

/**
 * What `doctor` says of the old names, e.g.
 * "store.outboxIntervalSeconds renamed, use store.recheckIntervalSeconds".
 */
export function describeRenamedKeys(used: readonly RenamedKeyUse[]): string {
  return used
    .map(
      (u) =>
        `${u.from} renamed, use ${u.to}` +
        (u.ignored ? ` (${u.to} is also set: the old value is ignored)` : ''),
    )
    .join('; ');
}
