/**
 * The one rule for the hospital's outside services (the national lookup, the HIS): they carry
 * credentials and patients' data, so https only; plain http only to this machine (a local test
 * server or a TLS-terminating proxy on loopback).
 */
export function isSecureServiceUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** What a refusal of the rule says, whichever service it is about. */
export const INSECURE_SERVICE_URL = 'needs an https:// address (http:// only for this machine)';
