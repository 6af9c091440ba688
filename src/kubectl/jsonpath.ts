// Execution of client-go util/jsonpath templates over a JSON value, with kubectl's printing rules
// (cli-runtime printers/jsonpath.go): values of one expression joined by a single space, maps and
// arrays as compact JSON, no trailing newline, missing keys allowed by default, and the
// "Printing more information for debugging the template" error (reference §B4).
import { type JPList, type JPNode, JsonPathParseError, parseJsonPath } from './jsonpath-parser';
import { goPrint, goQuote, goStringLess, goSyntax } from './printers/gofmt';
import { toCompactJson, toJson } from './printers/json';

export { JsonPathParseError };

class ExecError extends Error {}

/** Values flow as JS values; `undefined` never appears in a result list (a missing key yields none). */
type Val = unknown;

function isMap(v: Val): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Go's type name for `%v is not array or slice` messages. */
function goTypeName(v: Val): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/** Go `%v` (used in "cannot be filtered" errors). */
function goV(v: Val): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort(goStringLess);
    return `map[${keys.map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  }
  return goPrint(v);
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(goStringLess);
}

/** Children of a value as Go's reflect walk sees them (strings iterate their UTF-8 bytes). */
function children(v: Val): Val[] {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined);
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

function compare(op: string, left: Val, right: Val): boolean {
  if (op === '=~') {
    if (typeof left !== 'string' || typeof right !== 'string') {
      throw new ExecError(
        `regexp search only support string now but getting pattern: ${goSyntax(right)}, data: ${goSyntax(left)}`,
      );
    }
    try {
      return new RegExp(right).test(left);
    } catch {
      throw new ExecError(`error parsing regexp: ${right}`);
    }
  }
  if (left === null || right === null) throw new ExecError('invalid type for comparison');
  const lt = typeof left;
  if (lt !== typeof right || (lt !== 'number' && lt !== 'string' && lt !== 'boolean')) {
    throw new ExecError('incompatible types for comparison');
  }
  const l = left as number | string | boolean;
  const r = right as number | string | boolean;
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
  }
  if (lt === 'boolean') throw new ExecError('invalid type for comparison');
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
  }
  throw new ExecError(`unrecognized filter operator ${op}`);
}

class Engine {
  beginRange = 0;
  inRange = 0;
  endRange = 0;
  lastEndNode = -1;

  constructor(
    private readonly root: JPNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: Val, from: number): Val[][] {
    const cur: Val[] = [data];
    const full: Val[][] = [];
    for (let i = from; i < this.root.length; i++) {
      const node = this.root[i] as JPNode;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, i + 1));
        } else {
          this.findResults(undefined, i + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < this.root.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  walk(value: Val[], node: JPNode): Val[] {
    switch (node.type) {
      case 'list':
        return this.evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(value, node.value);
      case 'array':
        return this.evalArray(value, node.params);
      case 'filter':
        return this.evalFilter(value, node);
      case 'int':
      case 'float':
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard': {
        const out: Val[] = [];
        for (const v of value) if (v !== null) out.push(...children(v));
        return out;
      }
      case 'recursive':
        return this.evalRecursive(value);
      case 'union': {
        const out: Val[] = [];
        for (const l of node.lists) out.push(...this.evalList(value, l));
        return out;
      }
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return value;
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new ExecError('not in range, nothing to end');
        }
        throw new ExecError(`unrecognized identifier ${node.name}`);
    }
  }

  evalList(value: Val[], node: JPList): Val[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  evalField(input: Val[], name: string): Val[] {
    const results: Val[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new ExecError(`${name} is not found`);
    return results;
  }

  evalArray(input: Val[], p: Extract<JPNode, { type: 'array' }>['params']): Val[] {
    const result: Val[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new ExecError(`${goTypeName(value)} is not array or slice`);
      const len = value.length;
      let p0 = p[0].known ? p[0].value : 0;
      if (p0 < 0) p0 += len;
      let p1 = p[1].known ? p[1].value : len;
      if (p1 < 0 || (p1 === 0 && p[1].derived)) p1 += len;
      if (p1 !== p0) {
        if (p0 >= len || p0 < 0) throw new ExecError(`array index out of bounds: index ${p0}, length ${len}`);
        if (p1 > len || p1 < 0)
          throw new ExecError(`array index out of bounds: index ${p1 - 1}, length ${len}`);
        if (p0 > p1) throw new ExecError(`starting index ${p0} is greater than ending index ${p1}`);
      } else {
        return result;
      }
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new ExecError('step must be > 0');
        step = p[2].value;
      }
      for (let i = p0; i < p1; i += step) result.push(value[i] === undefined ? null : value[i]);
    }
    return result;
  }

  evalFilter(input: Val[], node: Extract<JPNode, { type: 'filter' }>): Val[] {
    const results: Val[] = [];
    for (const value of input) {
      if (!Array.isArray(value))
        throw new ExecError(`${goV(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        const temp = [item];
        if (node.op === 'exists') {
          let lefts: Val[] = [];
          try {
            lefts = this.evalList(temp, node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList(temp, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new ExecError('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new ExecError('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  evalRecursive(input: Val[]): Val[] {
    const result: Val[] = [];
    // Iterative pre-order walk (Go recurses) so deep objects cannot overflow the stack.
    const stack: Val[][] = [input.slice().reverse()];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Val[];
      const v = top.pop();
      if (top.length === 0) stack.pop();
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length !== 0) {
        result.push(v);
        stack.push(kids.slice().reverse());
      }
    }
    return result;
  }
}

function textOf(v: Val): string {
  if (Array.isArray(v) || isMap(v)) return toCompactJson(v);
  return goPrint(v);
}

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each expression's results printed as an indented JSON array. */
  outputJSON?: boolean;
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; message: string };

/** A parsed template, ready to run against objects (kubectl's JSONPathPrinter). */
export class JsonPathPrinter {
  private constructor(
    readonly rawTemplate: string,
    private readonly root: JPList,
    private readonly opts: JsonPathOptions,
  ) {}

  /** Parse; on failure returns kubectl's message (without the `error: ` prefix). */
  static create(template: string, opts: JsonPathOptions = {}): JsonPathPrinter | { error: string } {
    try {
      return new JsonPathPrinter(template, parseJsonPath(template), opts);
    } catch (e) {
      // A RangeError is a pathologically nested template (fuzz input): reported, never a crash.
      if (e instanceof JsonPathParseError || e instanceof RangeError)
        return { error: `error parsing jsonpath ${template}, ${e.message}` };
      throw e;
    }
  }

  /** The raw engine: execute and render, throwing on an execution error. */
  execute(data: Val): string {
    const engine = new Engine(this.root.nodes, this.opts.allowMissingKeys ?? true);
    const full = engine.findResults(data, 0);
    const parts: string[] = [];
    for (const results of full) {
      if (this.opts.outputJSON) {
        parts.push(toJson(results));
        continue;
      }
      for (let i = 0; i < results.length; i++) {
        parts.push(textOf(results[i]));
        if (i !== results.length - 1) parts.push(' ');
      }
    }
    return parts.join('');
  }

  /** kubectl's PrintObj: the text, or the `error executing jsonpath …` message with the dump. */
  print(data: Val): JsonPathResult {
    try {
      return { ok: true, text: this.execute(data) };
    } catch (e) {
      if (e instanceof RangeError) {
        return { ok: false, message: `error executing jsonpath ${goQuote(this.rawTemplate)}: ${e.message}` };
      }
      if (!(e instanceof ExecError)) throw e;
      const buf =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.rawTemplate}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
      return { ok: false, message: `error executing jsonpath ${goQuote(this.rawTemplate)}: ${buf}` };
    }
  }
}

/** Evaluate one expression for custom-columns: the raw result values (no printing). */
export function findValues(template: string, data: Val, allowMissingKeys = true): Val[][] {
  const root = parseJsonPath(template);
  return new Engine(root.nodes, allowMissingKeys).findResults(data, 0);
}

export { ExecError as JsonPathExecError };
