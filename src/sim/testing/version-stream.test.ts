// The core's complete version stream against its goldens (./golden-versions): every write from the
// empty store on (boot included), in resourceVersion order, one line per version
// `rv TYPE kind key sha256(json)[0:16]` under the whole stream's sha256. On a mismatch the test
// names the FIRST differing version (rv, kind, key) and prints the new object's JSON.
//
// UPDATING THE GOLDENS: `UPDATE_VERSION_STREAM=1 npx vitest run src/sim/testing/version-stream.test.ts`
// rewrites them. That is allowed ONLY for an intended change of the core's observable behaviour,
// named in the commit message that carries the new goldens, and NEVER during the records port
// (compact records, objects built on read): every step of that port must keep these streams byte
// for byte. A fast-check upgrade does not change them: the generated sequences are kept in their
// goldens' headers and replayed from there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../api/kinds';
import { createCluster } from '../cluster';
import { compareStream, goldenText, parseGolden, recordVersions, type Version } from './version-stream';
import {
  benchScenario,
  type Command,
  ch03Scenario,
  generatedSequences,
  recordScenario,
  type ScenarioOptions,
  SEQUENCES,
  sequenceScenario,
} from './version-stream-scenarios';

const UPDATE = process.env.UPDATE_VERSION_STREAM === '1';
const DIR = join(__dirname, 'golden-versions');
const BIG = { maxPodsPerNode: 1000 };

interface Scenario {
  name: string;
  opts: ScenarioOptions;
  run: Parameters<typeof recordScenario>[1];
  header?: string[];
}

const goldenPath = (name: string) => join(DIR, `${name}.txt`);

/** The sequences as the goldens keep them (so a fast-check upgrade changes nothing); generated when updating. */
function storedSequences(): Command[][] {
  const gen = generatedSequences();
  return gen.map((g, i) => {
    const p = goldenPath(`seq-${String(i + 1).padStart(2, '0')}`);
    if (UPDATE || !existsSync(p)) return g;
    const line = parseGolden(readFileSync(p, 'utf8')).header.find((h) => h.startsWith('commands '));
    return line ? (JSON.parse(line.slice('commands '.length)) as Command[]) : g;
  });
}
const SEQS = storedSequences();

const SCENARIOS: Scenario[] = [
  { name: 'bench.docker-desktop', opts: { seed: 42, ...BIG }, run: benchScenario },
  { name: 'bench.kind', opts: { seed: 42, profile: 'kind', ...BIG }, run: benchScenario },
  { name: 'bench.docker-desktop-ipvs', opts: { seed: 42, proxyMode: 'ipvs', ...BIG }, run: benchScenario },
  { name: 'ch03.docker-desktop', opts: { seed: 9 }, run: ch03Scenario },
  ...SEQS.map((cmds, i) => ({
    name: `seq-${String(i + 1).padStart(2, '0')}`,
    opts: { seed: 100 + i },
    run: sequenceScenario(cmds),
    header: [`commands ${JSON.stringify(cmds)}`],
  })),
];

/** The streams recorded in this run, by scenario (the later tests reuse them). */
const recorded = new Map<string, Version[]>();

describe('version stream goldens (src/sim/testing/golden-versions)', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: every version equals the golden's`, () => {
      const vs = recordScenario(s.opts, s.run);
      recorded.set(s.name, vs);
      const path = goldenPath(s.name);
      if (UPDATE) {
        writeFileSync(path, goldenText(vs, s.header));
        return;
      }
      expect(existsSync(path), `${path} missing: see this file's header`).toBe(true);
      const diff = compareStream(parseGolden(readFileSync(path, 'utf8')), vs);
      if (diff) expect.fail(`${s.name}: ${diff.message}`);
    });
  }

  it('fast-check still generates the sequences the goldens keep', () => {
    expect(generatedSequences()).toHaveLength(SEQUENCES);
    expect(generatedSequences()).toEqual(SEQS);
  });

  it('the scenarios reach what they claim: every write path, kind and type', () => {
    const kinds = (name: string) => {
      const m = new Map<string, number>();
      for (const v of recorded.get(name) ?? [])
        m.set(`${v.type} ${v.kind}`, (m.get(`${v.type} ${v.kind}`) ?? 0) + 1);
      return m;
    };
    const bench = kinds('bench.docker-desktop');
    for (const k of [
      'ADDED Deployment',
      'DELETED Deployment',
      'ADDED ReplicaSet', // the rollout's new ReplicaSet
      'DELETED ReplicaSet',
      'DELETED Pod',
      'MODIFIED Endpoints',
      'MODIFIED EndpointSlice',
      'ADDED Event',
    ])
      expect(bench.get(k) ?? 0, k).toBeGreaterThan(0);
    // The stream starts at the empty store: the boot's first write is the first version.
    expect(recorded.get('bench.docker-desktop')?.[0]?.type).toBe('ADDED');
    // Three nodes: Pods are spread over the kind workers.
    const kindJson = (recorded.get('bench.kind') ?? []).map((v) => v.json).join('\n');
    for (const n of ['kind-worker"', 'kind-worker2"']) expect(kindJson).toContain(`"nodeName":"${n}`);
    const ch03 = (recorded.get('ch03.docker-desktop') ?? []).filter((v) => v.kind === 'Service');
    for (const t of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
      expect(
        ch03.some((v) => v.json.includes(`"type":"${t}"`)),
        t,
      ).toBe(true);
    expect(ch03.some((v) => v.json.includes('"clusterIP":"None"'))).toBe(true);
    // The generated sequences reach the recorder's repeat path (touchLazy: an Event's count grows).
    const seqs = [...recorded].filter(([k]) => k.startsWith('seq-')).flatMap(([, v]) => v);
    expect(
      seqs.some((v) => v.kind === 'Event' && v.type === 'MODIFIED' && !v.json.includes('"count":1,')),
    ).toBe(true);
  });
});

describe('the recorder', () => {
  it('captures a lazy Event as of its write: built on read afterwards, a touched one shows a later state', () => {
    // Capture at write (the recorder) and, beside it, only the entries, built after the run.
    const late: {
      rv: number;
      kind: string;
      entry: { object(): { metadata: { resourceVersion: string } } };
    }[] = [];
    let rec: ReturnType<typeof recordVersions> | undefined;
    const c = createCluster({
      seed: 101,
      onStore: (store) => {
        rec = recordVersions(store);
        store.watchKeys((_t, kind, _ns, entry) => late.push({ rv: entry.rv, kind, entry }));
      },
    });
    sequenceScenario(SEQS[0] ?? [])(c);
    const vs = new Map((rec?.versions() ?? []).map((v) => [v.rv, v]));
    let differ = 0;
    for (const { rv, kind, entry } of late) {
      const atWrite = vs.get(rv);
      expect(atWrite?.kind).toBe(kind);
      if (kind !== 'Event') continue;
      const now = JSON.stringify(entry.object());
      if (now !== atWrite?.json) {
        differ++;
        // Built later it carries the entry's latest write, not this one.
        expect(Number(entry.object().metadata.resourceVersion)).toBeGreaterThan(rv);
      }
    }
    expect(late.length).toBeGreaterThan(0);
    expect(differ).toBeGreaterThan(0);
  });

  it('changes nothing it records: the final state and revision are those of a cluster without it', () => {
    const final = (c: ReturnType<typeof createCluster>) =>
      `${c.internals.store.revision} ${JSON.stringify(KIND_NAMES.map((k) => c.list(k)))}`;
    for (const [seed, run] of [
      [42, benchScenario],
      [9, ch03Scenario],
      [103, sequenceScenario(SEQS[2] ?? [])],
    ] as const) {
      const plain = createCluster({ seed, ...BIG });
      run(plain);
      let rec: ReturnType<typeof recordVersions> | undefined;
      const watched = createCluster({
        seed,
        ...BIG,
        onStore: (s) => {
          rec = recordVersions(s);
        },
      });
      run(watched);
      expect(rec?.versions().length).toBeGreaterThan(100);
      expect(final(watched)).toBe(final(plain));
    }
  });

  it('is deterministic: the same scenario twice gives the same stream', () => {
    const a = recordScenario({ seed: 105 }, sequenceScenario(SEQS[4] ?? []));
    const b = recordScenario({ seed: 105 }, sequenceScenario(SEQS[4] ?? []));
    expect(compareStream(parseGolden(goldenText(a)), b)).toBeUndefined();
  });
});

describe('the comparison fails where the stream first differs', () => {
  const name = 'ch03.docker-desktop';
  const scenario = SCENARIOS.find((s) => s.name === name) as Scenario;
  const golden = () =>
    parseGolden(goldenText(recorded.get(name) ?? recordScenario(scenario.opts, scenario.run)));

  it('one field of one write changed: that version (rv, kind, key) and its new JSON are reported', () => {
    const g = golden();
    // The 3rd write of a numbers-api Pod: its JSON with one label value changed.
    let seen = 0;
    let target: Version | undefined;
    const vs = recordScenario(scenario.opts, scenario.run, (v) => {
      if (v.kind === 'Pod' && v.key.startsWith('default/numbers-api-') && ++seen === 3) {
        target = { ...v, json: v.json.replace('"app":"numbers-api"', '"app":"numbers-apX"') };
        return target;
      }
      return v;
    });
    expect(target?.json).toContain('numbers-apX');
    const diff = compareStream(g, vs);
    const t = target as Version;
    expect(diff?.actual).toEqual(t);
    expect(diff?.message).toContain(
      `first differing version #${vs.indexOf(t)}: rv ${t.rv} ${t.type} Pod ${t.key}`,
    );
    expect(diff?.message).toContain(`new object: ${t.json}`);
    expect(diff?.message).toContain(`expected: ${g.lines[vs.indexOf(t)]}`);
  });

  it('two writes swapped: the first of them is reported', () => {
    const g = golden();
    const vs = [...(recorded.get(name) ?? [])];
    const i = vs.findIndex((v) => v.kind === 'Endpoints' && v.type === 'MODIFIED');
    const a = vs[i] as Version;
    const b = vs[i + 1] as Version;
    // Swapped in write order, each keeping its resourceVersion's place: kinds and keys trade places.
    vs[i] = { ...b, rv: a.rv };
    vs[i + 1] = { ...a, rv: b.rv };
    const diff = compareStream(g, vs);
    expect(diff?.index).toBe(i);
    expect(diff?.message).toContain(`rv ${a.rv} ${b.type} ${b.kind} ${b.key}`);
  });

  it('a missing last write and an extra one are reported', () => {
    const g = golden();
    const vs = recorded.get(name) ?? [];
    expect(compareStream(g, vs.slice(0, -1))?.message).toContain(`#${vs.length - 1}: (stream ended)`);
    const extra = { ...(vs.at(-1) as Version), rv: 1e9 };
    expect(compareStream(g, [...vs, extra])?.message).toContain('expected: (golden ended)');
  });
});
