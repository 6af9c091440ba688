// A stamped Pod's spec (defaults.ts stampPodSpec) written as literals when the template's stamp has
// the usual keys (PodStamp.literal): the same keys in the same order and the same values as the
// copies the stamp's other path makes, and the literal path taken for the benchmark's template.
import { describe, expect, it } from 'vitest';
import '../late-impl';
import { type PodStamp, podStamp, stampPodSpec, templateDefaults } from './defaults';

// biome-ignore lint/suspicious/noExplicitAny: specs are loosely typed JSON here.
type Any = any;

/** Key order and values, recursively (JSON.stringify keeps insertion order). */
const shape = (x: unknown) => JSON.stringify(x);

const specs: Record<string, () => Any> = {
  bench: () => ({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] }),
  two: () => ({
    containers: [
      { name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] },
      { name: 'b', image: 'busybox', command: ['sleep', '3600'] },
    ],
  }),
  mounts: () => ({
    volumes: [{ name: 'data', emptyDir: {} }],
    containers: [{ name: 'a', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
  }),
  env: () => ({ containers: [{ name: 'a', image: 'nginx', env: [{ name: 'A', value: 'b' }] }] }),
  ordered: () => ({
    restartPolicy: 'Always',
    containers: [{ image: 'nginx', name: 'a', ports: [{ containerPort: 80 }] }],
  }),
};

describe('stampPodSpec', () => {
  for (const [name, make] of Object.entries(specs)) {
    it(`${name}: the literal path's spec is the copies' spec`, () => {
      const e = templateDefaults(make(), false);
      const stamp = podStamp(e) as PodStamp;
      expect(stamp).not.toBeNull();
      const general: PodStamp = { ...stamp, literal: false };
      const a = stampPodSpec(e, stamp, 'kube-api-access-abcde');
      const b = stampPodSpec(e, general, 'kube-api-access-abcde');
      expect(shape(a)).toBe(shape(b));
      expect(a).toEqual(b);
      expect(a.containers.map((c: Any) => Object.keys(c))).toEqual(
        b.containers.map((c: Any) => Object.keys(c)),
      );
      expect(Object.keys(a)).toEqual(Object.keys(b));
      if (name === 'bench') expect(stamp.literal).toBe(true);
      if (name === 'env' || name === 'two') expect(stamp.literal).toBe(false);
    });
  }
});
