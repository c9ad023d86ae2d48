/**
 * FHIRPath Patch (R4 fhirpatch.html): a Parameters resource with one `operation` parameter per
 * change. Chosen over JSON Patch because its paths select elements by content
 * (`Patient.name.where(use='official')`) rather than by array position: the HIS may have added,
 * removed or reordered identifiers, names or extensions since we last wrote, and a JSON Patch
 * `/identifier/1` would then hit one of the HIS's own. It is also a FHIR resource, so it travels
 * in a transaction as it is (JSON Patch would have to be wrapped in a Binary).
 *
 * The kiosk writes each element it owns as "delete it (if found), then add it": delete is the only
 * operation R4 allows to match nothing, and add the only one that creates. Required elements
 * that always exist (a status) are replaced instead.
 */
import type { Parameters, ParametersParameter } from './fhir-types';

/** A value as a patch carries it: one `value[x]` of a named data type, or the `part`s of an
 * anonymous element (a backbone element, an Extension). */
export type PatchValue = Omit<ParametersParameter, 'name'>;

export type PatchOperation =
  | { type: 'delete'; path: string }
  | { type: 'add'; path: string; name: string; value: PatchValue }
  | { type: 'replace'; path: string; value: PatchValue };

function operation(op: PatchOperation): ParametersParameter {
  const part: ParametersParameter[] = [
    { name: 'type', valueCode: op.type },
    { name: 'path', valueString: op.path },
  ];
  if (op.type === 'add') part.push({ name: 'name', valueString: op.name });
  if (op.type !== 'delete') part.push({ name: 'value', ...op.value });
  return { name: 'operation', part };
}

export function fhirPathPatch(ops: PatchOperation[]): Parameters {
  return { resourceType: 'Parameters', parameter: ops.map(operation) };
}

/**
 * The kiosk's version of one element: removed where it is (matched by `select`), then added
 * anew under `parent` when the kiosk has a value. `select` must match at most one element.
 */
export function own(
  parent: string,
  name: string,
  select: string,
  value: PatchValue | null,
): PatchOperation[] {
  const ops: PatchOperation[] = [{ type: 'delete', path: select }];
  if (value) ops.push({ type: 'add', path: parent, name, value });
  return ops;
}

/** A FHIRPath string literal (single quotes, backslash escapes). */
export function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
