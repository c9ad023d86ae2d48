/**
 * Personal data never reaches a log line. Two layers, because either alone leaks:
 * - by key: fields whose name says they hold personal data or secrets are replaced outright;
 * - by content: any string is scanned for ID numbers, BHYT card numbers and dates, so that an
 *   error message or URL that happens to quote them is cleaned too.
 * Names cannot be recognised by pattern, which is why name-carrying keys are dropped by key and
 * why services log codes and counts rather than free text from the card.
 */

const SENSITIVE_KEY =
  /^(id(Number)?|cccd|cccdCb|oldIdNumber|maThe|cardNumber|fullName|name|hoTen|hoTenCb|holderName|patientName|dateOfBirth|ngaySinh|dob|birth|address|diaChi|placeOf.*|fatherName|motherName|spouseName|mrz|qr|qrText|bhytQr|photo|face|password|passwordMd5|token|access_token|id_token|accessToken|idToken|secret|authorization|cookie)$/i;

const PATTERNS: Array<[RegExp, string]> = [
  // 15-character BHYT card code: 2 letters + benefit digit + 12 digits
  [/\b[A-Z]{2}[1-5]\d{12}\b/g, '[bhyt]'],
  // 12-digit CCCD / 10-digit social-insurance / 9-digit CMND numbers (and longer digit runs)
  [/\b\d{9,}\b/g, '[number]'],
  // dates: 1990-05-17, 17/05/1990, 17-05-1990, 17051990 inside QR text
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[date]'],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/g, '[date]'],
  [/\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b/g, '[date]'],
  // compact dates as the chip, the QR code and the gateway write them: 19900517, 17051990
  [/\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/g, '[date]'],
  [/\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}\b/g, '[date]'],
  // a 12-digit ID typed in groups: 0010 9001 2345
  [/\b\d{4} \d{4} \d{4}\b/g, '[number]'],
  // MRZ lines (TD1: 30 chars of A-Z0-9<)
  [/[A-Z0-9<]{30}/g, '[mrz]'],
  // QR text of a CCCD: pipe-separated fields
  [/\d{12}\|[^\s]*\|[^|]*\|\d{8}\|[^\n]*/g, '[qr]'],
  // credentials in query strings
  [/((?:token|id_token|password|username)=)[^&\s]+/gi, '$1[secret]'],
  // credentials quoted from a JSON body or a "key: value" text, and bearer tokens
  [
    /(\b(?:password(?:Md5)?|access_token|id_token|accessToken|idToken|token|secret)"?\s*:\s*"?)[^"\s,}]+/gi,
    '$1[secret]',
  ],
  [/(\bBearer\s+)[\w.~+/=-]+/gi, '$1[secret]'],
];

export function redactString(s: string): string {
  let out = s;
  // The QR pattern must run before the digit pattern eats its anchor.
  const qr = PATTERNS.find(([, rep]) => rep === '[qr]')!;
  out = out.replace(qr[0], qr[1]);
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e8) {
    return '[number]';
  }
  if (value instanceof Uint8Array) return `[bytes:${value.length}]`;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactString(value.message),
      code: (value as { code?: unknown }).code,
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SENSITIVE_KEY.test(k) ? '[redacted]' : redactValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
