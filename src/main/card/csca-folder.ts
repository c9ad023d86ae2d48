/**
 * The CSCA folder passive authentication trusts. A station with real readers and no
 * `reader.cscaFolder` uses the folder shipped in resources/csca (the public CCCD CSCA, see its
 * README for provenance and fingerprint); `cscaFolder` replaces it with the administrator's own
 * (successor CSCAs, link certificates, a CRL dropped next to them).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { readerSchema } from '../config/sections/reader';
import { resourcePath } from '../resources-path';

export const SHIPPED_CSCA_DIR = 'csca';

export function shippedCscaFolder(): string {
  return resourcePath(SHIPPED_CSCA_DIR);
}

/** The CSCA folder in effect: the configured one, else the shipped one for real readers. */
export function effectiveCscaFolder(
  reader: Pick<z.infer<typeof readerSchema>, 'cscaFolder' | 'driver'>,
): string | null {
  return reader.cscaFolder ?? (reader.driver === 'pcsc' ? shippedCscaFolder() : null);
}

const CERT_EXT = new Set(['.pem', '.crt', '.cer', '.der']);

/** Why the folder cannot anchor passive authentication, or null when it holds certificates. */
export function cscaFolderProblem(folder: string): string | null {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
    names = readdirSync(folder);
  } catch {
    return `${folder} does not exist or cannot be read`;
  }
  if (!names.some((n) => CERT_EXT.has(path.extname(n).toLowerCase()))) {
    return `${folder} holds no certificate (.pem, .crt, .cer, .der)`;
  }
  return null;
}
