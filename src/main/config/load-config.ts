import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { kioskError } from '../../shared/errors';
import { CONFIG_FILE_NAME } from './data-dir';
import { isPlainObject } from './plain-object';
import { applyRenamedKeys, type RenamedKeyUse } from './renamed-keys';
import { configSchema, defaultConfig, SECRET_KEYS, type KioskConfig } from './schema';
import { readerDefaultsFor } from './sections/reader';

export interface LoadedConfig {
  path: string;
  /** false when no file exists and the defaults are in force */
  fromFile: boolean;
  config: KioskConfig;
  /** Old key names the file still uses (read as the new ones; `doctor` warns). */
  renamedKeys: RenamedKeyUse[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The file only needs what differs from the defaults; arrays replace, objects merge. */
export function mergeDefaults(defaults: unknown, override: unknown): unknown {
  if (isPlainObject(defaults) && isPlainObject(override)) {
    const out: Record<string, unknown> = { ...defaults };
    for (const [k, v] of Object.entries(override)) out[k] = mergeDefaults(defaults[k], v);
    return out;
  }
  return override === undefined ? defaults : override;
}

function describeIssues(error: z.ZodError, file: string): string {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : '(top level)';
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${file}: field "${field}": ${first?.message ?? 'invalid'}${more}`;
}

/**
 * Where a JSON syntax error is, without quoting the file: V8's messages quote the text around the
 * error, which in this file may be the gateway password.
 */
export function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : '';
  const at = /at position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `syntax error at line ${line}, column ${column}`;
  }
  if (/end of JSON input/i.test(message)) return 'the file ends too early';
  if (/^Unexpected token/i.test(message)) return 'unexpected text (a value without quotes?)';
  return 'syntax error';
}

/** Old key names in `raw` are read as their new ones (./renamed-keys.ts). */
export function parseConfig(input: unknown, file: string): KioskConfig {
  const { raw } = applyRenamedKeys(input);
  const fileReader = isPlainObject(raw) ? raw.reader : undefined;
  const defaults = { ...defaultConfig, reader: readerDefaultsFor(fileReader) };
  const merged = mergeDefaults(defaults, raw);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const text = describeIssues(parsed.error, file);
    throw kioskError(
      'CONFIG_INVALID',
      `Tệp cấu hình không hợp lệ — ${text}`,
      `The configuration file is invalid — ${text}`,
      { detail: text },
    );
  }
  return parsed.data;
}

/**
 * Reads `<dataDir>/config.json`. No file: the defaults (simulated reader and lookup service).
 * A file that is not JSON or does not match the schema stops the app with a message naming the
 * field: a reception desk running on a guessed configuration is worse than one that won't start.
 */
export function loadConfig(dataDir: string): LoadedConfig {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path: file, fromFile: false, config: parseConfig({}, file), renamedKeys: [] };
    }
    throw kioskError(
      'CONFIG_UNREADABLE',
      `Không đọc được tệp cấu hình ${file}`,
      `Cannot read the configuration file ${file}`,
      { detail: (err as NodeJS.ErrnoException).code, cause: err },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as Json;
  } catch (err) {
    const why = describeJsonError(err, text);
    throw kioskError(
      'CONFIG_INVALID',
      `Tệp cấu hình ${file} không phải JSON hợp lệ: ${why}`,
      `The configuration file ${file} is not valid JSON: ${why}`,
      { detail: why },
    );
  }
  if (!isPlainObject(raw)) {
    throw kioskError(
      'CONFIG_INVALID',
      `Tệp cấu hình ${file} phải là một đối tượng JSON`,
      `The configuration file ${file} must hold a JSON object`,
    );
  }
  return {
    path: file,
    fromFile: true,
    config: parseConfig(raw, file),
    renamedKeys: applyRenamedKeys(raw).used,
  };
}

/** Query parameters that carry a secret in a connection URL (libpq: password, sslpassword). */
const SECRET_QUERY_KEY = /pass|secret|token/i;

/**
 * A URL with its passwords replaced by "***": the one in the user part and any in the query
 * (`?password=`, `sslpassword=`, which libpq takes too), e.g.
 * `postgres://kiosk:***@db:5432/kiosk?password=***`. The one masking of URLs: every output
 * (`config`, `doctor`, `store status`, errors, logs of the store) goes through it. Anything that
 * is not a URL with a password comes back unchanged.
 */
export function maskUrlPassword(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  try {
    const url = new URL(text);
    const keys = [...url.searchParams.keys()].filter((k) => SECRET_QUERY_KEY.test(k));
    if (!url.password && keys.length === 0) return text;
    if (url.password) url.password = '***';
    for (const key of new Set(keys)) url.searchParams.set(key, '***');
    return url.toString().replace(/%2A%2A%2A/g, '***');
  } catch {
    // Not parseable as a URL, yet it may still name a password: mask what looks like one.
    return text.replace(/([?&][^=&]*(?:pass|secret|token)[^=&]*=)[^&#\s]*/gi, '$1***');
  }
}

/** A copy safe to print: secrets replaced by "***" (or null when unset), URL passwords too. */
export function maskSecrets<T>(value: T): T {
  if (typeof value === 'string') return maskUrlPassword(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.has(k) ? (v == null ? null : '***') : maskSecrets(v);
    }
    return out as T;
  }
  return value;
}

/** Resolves a configured path relative to the data folder. */
export function inDataDir(dataDir: string, p: string): string {
  return path.isAbsolute(p) ? p : path.join(dataDir, p);
}
