/**
 * R4 extensibility: an extension's `url` "SHALL be a URL", the canonical URL of the
 * StructureDefinition that defines it. medplum's validator accepts a URN there, so these tests
 * check the rule itself on everything we emit, and the two definitions we publish in docs/fhir.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../../src/main/config/schema';
import type { Department } from '../../../src/shared/domain';
import {
  DEFAULT_IDENTIFIER_SYSTEMS as SYS,
  KIOSK_EXTENSIONS,
} from '../../../src/main/his/fhir/identifier-systems';
import {
  buildVisitTransactions,
  type VisitHandoffInput,
} from '../../../src/main/his/fhir/visit-bundle';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { validateR4 } from '../../support/his/r4-validator';

const KHAM: Department = {
  code: 'KHAM',
  name: { vi: 'Khám bệnh đa khoa', en: 'General examination' },
  room: { vi: 'Phòng 101', en: 'Room 101' },
  directions: null,
};

/** The rule, written out: a scheme, "://", a host; not a URN, not relative. */
function isUrl(url: unknown): boolean {
  if (typeof url !== 'string' || /^urn:/i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host.length > 0;
  } catch {
    return false;
  }
}

/**
 * Every extension url in a value: `extension[].url` of resources, and the `url` part of an
 * extension a FHIRPath Patch adds (`name` = extension, the value given as parts).
 */
function extensionUrls(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => extensionUrls(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['extension', 'modifierExtension']) {
      if (Array.isArray(o[key])) for (const e of o[key] as { url?: unknown }[]) out.push(e.url);
    }
    if (o.name === 'operation' && Array.isArray(o.part)) {
      const parts = o.part as { name: string; valueString?: string; part?: unknown[] }[];
      const added = parts.find((p) => p.name === 'name')?.valueString;
      const v = parts.find((p) => p.name === 'value');
      if (added === 'extension' || added === 'modifierExtension') {
        const url = (v?.part as { name: string; valueUri?: string }[] | undefined)?.find(
          (p) => p.name === 'url',
        );
        out.push(url?.valueUri);
      }
    }
    for (const v of Object.values(o)) extensionUrls(v, out);
  }
  return out;
}

function everyInput(): VisitHandoffInput[] {
  return SIM_IDENTITIES.map((id) => ({
    visit: sampleVisit(id.index),
    identity: { placeOfResidence: id.card.placeOfResidence, oldIdNumber: id.card.oldIdNumber },
    department: KHAM,
    facilityCode: '01001',
    appointmentId: null,
    systems: SYS,
    progress: [],
  }));
}

describe('extension urls are URLs (R4 extensibility)', () => {
  it('every extension url of every resource and patch we emit is an absolute URL, not a URN', () => {
    const urls: unknown[] = [];
    for (const input of everyInput()) {
      const { ensure, update } = buildVisitTransactions(input);
      urls.push(...extensionUrls(ensure), ...extensionUrls(update));
    }
    // Not vacuous: the catalog's cards carry both extensions, on create and on patch.
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(isUrl(url), String(url)).toBe(true);
  });

  it('the rule check is not a rubber stamp: a URN, a relative path and a bare word fail it', () => {
    for (const bad of ['urn:cccd-kiosk:extension/x', 'StructureDefinition/x', 'x', '', null]) {
      expect(isUrl(bad), String(bad)).toBe(false);
    }
    expect(
      extensionUrls(
        buildVisitTransactions({ ...everyInput()[0]!, systems: { ...SYS, extensionBase: 'urn:x' } })
          .ensure,
      ),
    ).toContain('urn:x/bhyt-coverage-percent');
  });

  it('the configuration refuses a URN or relative extension base', () => {
    for (const extensionBase of ['urn:cccd-kiosk:extension', 'StructureDefinition']) {
      const parsed = configSchema.safeParse({
        ...defaultConfig,
        his: { ...defaultConfig.his, systems: { ...SYS, extensionBase } },
      });
      expect(parsed.success, extensionBase).toBe(false);
    }
    expect(isUrl(defaultConfig.his.systems.extensionBase)).toBe(true);
  });

  it('docs/fhir publishes one valid R4 StructureDefinition per extension, at the URL we send', () => {
    const dir = path.join(__dirname, '../../../docs/fhir');
    // A visit that carries every extension: an insured card, and the document shown.
    const input = everyInput()[0]!;
    const { ensure } = buildVisitTransactions({
      ...input,
      visit: { ...input.visit, document: 'chip' },
    });
    const resources = ensure.entry!.map(
      (e) => e.resource as { resourceType: string; extension?: { url: string }[] },
    );
    // Where each extension goes (its StructureDefinition's context).
    const carriedBy: Record<string, string> = {
      [KIOSK_EXTENSIONS.coveragePercent]: 'Coverage',
      [KIOSK_EXTENSIONS.registeredFacility]: 'Coverage',
      [KIOSK_EXTENSIONS.presentedDocument]: 'Encounter',
    };
    for (const id of Object.values(KIOSK_EXTENSIONS)) {
      const sd = JSON.parse(
        fs.readFileSync(path.join(dir, `StructureDefinition-${id}.json`), 'utf8'),
      ) as {
        resourceType: string;
        id: string;
        url: string;
        type: string;
        context: { expression: string }[];
        differential: { element: { path: string; fixedUri?: string; type?: { code: string }[] }[] };
      };
      expect(validateR4(sd), id).toEqual([]);
      expect(sd.id).toBe(id);
      expect(isUrl(sd.url)).toBe(true);
      expect(sd.url).toBe(`${SYS.extensionBase}/${id}`);
      expect(sd.type).toBe('Extension');
      expect(sd.context.map((c) => c.expression)).toEqual([carriedBy[id]]);
      const byPath = new Map(sd.differential.element.map((e) => [e.path, e]));
      expect(byPath.get('Extension.url')?.fixedUri).toBe(sd.url);
      // The value type the definition allows is the one the resource carries.
      const carrier = resources.find((r) => r.resourceType === carriedBy[id]);
      const sent = carrier?.extension?.find((e) => e.url === sd.url);
      expect(sent, id).toBeDefined();
      const code = byPath.get('Extension.value[x]')!.type![0]!.code;
      expect(Object.keys(sent!)).toContain(`value${code.charAt(0).toUpperCase()}${code.slice(1)}`);
    }
  });
});
