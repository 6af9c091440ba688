// The YAML kubectl reads is go-yaml v2's (sigs.k8s.io/yaml YAMLToJSON): YAML 1.1 booleans and
// octals, merge keys, dates left as text. A student's `defaultMode: 0644` or `value: yes` must
// mean what it means to kubectl. [sigs.k8s.io/yaml; go-yaml v2 resolve.go]
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../kubectl/testing';
import { deploymentYaml } from './testing/manifests';
import { parseManifests } from './yaml';

const one = (text: string) => {
  const r = parseManifests(text, 'x.yaml');
  if (!r.ok) throw new Error(r.error.message);
  return r.docs[0] as Record<string, unknown>;
};

describe('parseManifests reads YAML as go-yaml v2 does', () => {
  it('numbers: strconv.ParseInt base 0 after dropping underscores, then the float syntax', () => {
    expect(
      one('a: 0644\nb: 0o17\nc: 0x1F\nd: 0b101\ne: 1_000\nf: 09\ng: 1e3\nh: -0644\ni: 1.5\nj: 0\nk: +12\n'),
    ).toEqual({ a: 420, b: 15, c: 31, d: 5, e: 1000, f: 9, g: 1000, h: -420, i: 1.5, j: 0, k: 12 });
  });

  it('booleans and nulls of YAML 1.1, also as map keys', () => {
    expect(one('a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: N\ng: True\nh: ~\ni:\nn: 1\n')).toEqual({
      a: true,
      b: false,
      c: true,
      d: false,
      e: true,
      f: false,
      g: true,
      h: null,
      i: null,
      false: 1,
    });
  });

  it('what is none of those stays text: dates, addresses, sexagesimals, quoted values', () => {
    expect(one('a: 2026-01-01\nb: 10.0.0.1\nc: 190:20:30\nd: "0644"\ne: \'yes\'\nf: 1.2.3\n')).toEqual({
      a: '2026-01-01',
      b: '10.0.0.1',
      c: '190:20:30',
      d: '0644',
      e: 'yes',
      f: '1.2.3',
    });
  });

  it('merge keys (<<) merge, as go-yaml v2 does', () => {
    expect(one('base: &b {image: nginx, name: a}\nc:\n  <<: *b\n  name: web\n')).toEqual({
      base: { image: 'nginx', name: 'a' },
      c: { image: 'nginx', name: 'web' },
    });
  });

  it('a decimal integer reads as its value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), (n) => {
        expect(one(`v: ${n}`).v).toBe(n);
      }),
      { seed: 20261126, numRuns: 200 },
    );
  });
});

describe('through kubectl apply', () => {
  // deploymentYaml's container fields sit at 10 spaces, the Pod spec's at 6.
  const deploy = (volumes: string, env: string) =>
    `${deploymentYaml('web', { name: 'web', image: 'nginx' })}${env}${volumes}`;

  it('defaultMode: 0644 is octal 420, as kubectl reads it', () => {
    const d = kdrive({ seed: 1 });
    d.session.fs.write(
      '/home/student/web.yaml',
      deploy(
        '      volumes:\n      - name: cfg\n        configMap:\n          name: cfg\n          defaultMode: 0644\n',
        '',
      ),
    );
    expect(d.kubectl('apply -f /home/student/web.yaml').text()).toBe('deployment.apps/web created\n');
    expect(
      d.kubectl('get deploy web -o jsonpath={.spec.template.spec.volumes[0].configMap.defaultMode}').text(),
    ).toBe('420');
  });

  it('an env value of yes is a boolean, which EnvVar.value refuses', () => {
    const d = kdrive({ seed: 1 });
    d.session.fs.write(
      '/home/student/web.yaml',
      deploy('', '          env:\n            - name: DEBUG\n              value: yes\n'),
    );
    expect(d.kubectl('apply -f /home/student/web.yaml').text()).toBe(
      'Error from server (BadRequest): error when creating "/home/student/web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string\n',
    );
  });
});
