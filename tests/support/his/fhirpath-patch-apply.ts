/**
 * Applies a FHIRPath Patch (R4 fhirpatch.html) to a resource, for the FHIR test server. Written
 * from the specification's rules, not from our writer: every operation's path must select one
 * element (delete: at most one, "if found"), add appends to a repeating element or creates a
 * non-repeating one that does not exist yet, replace needs the element to exist, operations apply
 * in order, and values come either as one `value[x]` or as `part`s (anonymous types).
 * Paths: `Type(.element | .where(<FHIRPath condition>))*`; conditions are evaluated by medplum's
 * FHIRPath engine. Cardinality comes from the R4 definitions (medplum's index).
 * Test-only.
 */
import { evalFhirPath, getElementDefinition } from '@medplum/core';

type Json = Record<string, unknown>;

export class PatchError extends Error {}

interface Node {
  /** The object holding the element, and its name there; null for the resource itself. */
  holder: Json | null;
  key: string;
  index: number | null;
  value: unknown;
  type: string;
}

/** Splits on dots outside quotes and parentheses. */
function segments(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === '\\') {
        cur += c + (path[++i] ?? '');
        continue;
      }
      if (c === "'") quote = false;
    } else if (c === "'") quote = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '.' && !quote && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function childType(type: string, name: string): string {
  const def = getElementDefinition(type, name);
  if (!def) throw new PatchError(`${type} has no element ${name}`);
  const code = def.type[0]?.code ?? 'Element';
  // Backbone elements are named by their path in medplum's index (e.g. CoverageClass).
  return code === 'BackboneElement' || code === 'Element' ? `${type}${cap(name)}` : code;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function select(resource: Json, path: string): Node[] {
  const [root = '', ...rest] = segments(path);
  if (root !== resource.resourceType) throw new PatchError(`path ${path} is not on ${root}`);
  let nodes: Node[] = [{ holder: null, key: '', index: null, value: resource, type: root }];
  for (const seg of rest) {
    const where = /^where\((.*)\)$/s.exec(seg);
    if (where) {
      nodes = nodes.filter((n) => evalFhirPath(where[1]!, n.value).some((v) => v === true));
      continue;
    }
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(seg)) throw new PatchError(`unsupported step ${seg}`);
    const next: Node[] = [];
    for (const n of nodes) {
      const obj = n.value as Json;
      const v = obj[seg];
      const type = childType(n.type, seg);
      if (Array.isArray(v)) {
        v.forEach((item, i) => next.push({ holder: obj, key: seg, index: i, value: item, type }));
      } else if (v !== undefined) {
        next.push({ holder: obj, key: seg, index: null, value: v, type });
      }
    }
    nodes = next;
  }
  return nodes;
}

type Part = { name: string; part?: Part[] } & Record<string, unknown>;

function partValue(p: Part): unknown {
  if (p.part) {
    const out: Json = {};
    for (const child of p.part) {
      const existing = out[child.name];
      const v = partValue(child);
      out[child.name] = existing === undefined ? v : [existing, v].flat();
    }
    return out;
  }
  const keys = Object.keys(p).filter((k) => k.startsWith('value'));
  if (keys.length !== 1) throw new PatchError(`parameter ${p.name} needs one value`);
  return p[keys[0]!];
}

function remove(n: Node): void {
  if (!n.holder) throw new PatchError('cannot delete the resource itself');
  if (n.index === null) {
    delete n.holder[n.key];
    return;
  }
  const list = n.holder[n.key] as unknown[];
  list.splice(n.index, 1);
  if (list.length === 0) delete n.holder[n.key];
}

/** The patched copy; throws PatchError for any rule broken. */
export function applyFhirPathPatch(resource: Json, parameters: Json): Json {
  if (parameters.resourceType !== 'Parameters') throw new PatchError('not a Parameters resource');
  const out = structuredClone(resource);
  for (const param of (parameters.parameter as Part[] | undefined) ?? []) {
    if (param.name !== 'operation') throw new PatchError(`unknown parameter ${param.name}`);
    const parts = new Map((param.part ?? []).map((p) => [p.name, p]));
    const type = parts.get('type')?.valueCode as string | undefined;
    const path = parts.get('path')?.valueString as string | undefined;
    if (!type || !path) throw new PatchError('an operation needs a type and a path');
    const nodes = select(out, path);
    if (type === 'delete') {
      if (nodes.length > 1) throw new PatchError(`delete ${path}: ${nodes.length} elements`);
      if (nodes[0]) remove(nodes[0]);
      continue;
    }
    if (nodes.length !== 1) throw new PatchError(`${type} ${path}: ${nodes.length} elements`);
    const value = parts.get('value');
    if (!value) throw new PatchError(`${type} ${path}: no value`);
    const v = partValue(value);
    const target = nodes[0]!;
    if (type === 'replace') {
      if (!target.holder) throw new PatchError('cannot replace the resource itself');
      if (target.index === null) target.holder[target.key] = v;
      else (target.holder[target.key] as unknown[])[target.index] = v;
    } else if (type === 'add') {
      const name = parts.get('name')?.valueString as string | undefined;
      if (!name) throw new PatchError(`add ${path}: no name`);
      const def = getElementDefinition(target.type, name);
      if (!def) throw new PatchError(`${target.type} has no element ${name}`);
      const obj = target.value as Json;
      if (def.max > 1 || def.isArray) {
        obj[name] = [...((obj[name] as unknown[] | undefined) ?? []), v];
      } else if (obj[name] !== undefined) {
        throw new PatchError(`add ${path}.${name}: already there (not repeating)`);
      } else obj[name] = v;
    } else throw new PatchError(`operation ${type} not supported here`);
  }
  return out;
}
