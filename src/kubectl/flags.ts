// A small pflag-like parser, matching the error texts cobra/pflag print for kubectl:
//   error: unknown flag: --foo
//   error: unknown shorthand flag: 'z' in -z
//   error: flag needs an argument: --namespace   /  error: flag needs an argument: 'n' in -n
// Flags may appear anywhere; `--` ends flag parsing (everything after goes to `dashArgs`).

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  /**
   * pflag's NoOptDefVal: the value of `--name` given without `=value` (then the next word is never
   * taken as its value), e.g. delete's `--cascade` means `--cascade=background`.
   */
  noOptDefVal?: string;
}

export type FlagValue = boolean | string | number | string[];

export type ParsedFlags =
  | { ok: true; flags: Record<string, FlagValue>; positional: string[]; dashArgs: string[] | undefined }
  | { ok: false; message: string };

export function parseFlags(args: readonly string[], defs: readonly FlagDef[]): ParsedFlags {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short as string, d]));
  const flags: Record<string, FlagValue> = {};
  const positional: string[] = [];
  let dashArgs: string[] | undefined;

  const set = (def: FlagDef, raw: string): string | undefined => {
    switch (def.type) {
      case 'bool':
        if (raw !== 'true' && raw !== 'false') {
          return `invalid argument "${raw}" for "--${def.name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
        }
        flags[def.name] = raw === 'true';
        return undefined;
      case 'int': {
        if (!/^-?\d+$/.test(raw)) {
          return `invalid argument "${raw}" for "--${def.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
        }
        flags[def.name] = Number.parseInt(raw, 10);
        return undefined;
      }
      case 'stringArray': {
        const prev = flags[def.name];
        flags[def.name] = [...(Array.isArray(prev) ? prev : []), raw];
        return undefined;
      }
      default:
        flags[def.name] = raw;
        return undefined;
    }
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      dashArgs = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) return { ok: false, message: `unknown flag: --${name}` };
      let raw: string | undefined = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (raw === undefined) {
        if (def.type === 'bool') raw = 'true';
        else if (def.noOptDefVal !== undefined) raw = def.noOptDefVal;
        else {
          raw = args[i + 1];
          if (raw === undefined) return { ok: false, message: `flag needs an argument: --${name}` };
          i++;
        }
      }
      const e = set(def, raw);
      if (e) return { ok: false, message: e };
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // Shorthand cluster: -it, -n default, -ndefault, -o=wide
      let j = 1;
      while (j < a.length) {
        const c = a[j] as string;
        const def = byShort.get(c);
        if (!def) return { ok: false, message: `unknown shorthand flag: '${c}' in ${a}` };
        if (def.type === 'bool') {
          flags[def.name] = true;
          j++;
          continue;
        }
        let raw = a.slice(j + 1);
        if (raw.startsWith('=')) raw = raw.slice(1);
        if (raw === '') {
          const next = args[i + 1];
          if (next === undefined) return { ok: false, message: `flag needs an argument: '${c}' in -${c}` };
          raw = next;
          i++;
        }
        const e = set(def, raw);
        if (e) return { ok: false, message: e };
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { ok: true, flags, positional, dashArgs };
}

export function str(flags: Record<string, FlagValue>, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function bool(flags: Record<string, FlagValue>, name: string): boolean {
  return flags[name] === true;
}

export function strs(flags: Record<string, FlagValue>, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? v : [];
}
