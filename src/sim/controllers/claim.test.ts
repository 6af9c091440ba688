// KeyCache: the key a controller queues for an owner is `namespace/name` exactly as building it
// each time would give, whatever the ownerReference says.
import { describe, expect, it } from 'vitest';
import { KeyCache } from './claim';

describe('KeyCache', () => {
  it('gives what a template string would for the same owner, again and again', () => {
    const c = new KeyCache();
    const a = c.keyOf('default', 'uid-1', 'web-abc');
    expect(a).toBe('default/web-abc');
    expect(c.keyOf('default', 'uid-1', 'web-abc')).toBe(a);
  });

  it('a reference naming another object or namespace under the same uid gets its own key', () => {
    const c = new KeyCache();
    c.keyOf('default', 'uid-1', 'web-abc');
    expect(c.keyOf('default', 'uid-1', 'other')).toBe('default/other');
    expect(c.keyOf('kube-system', 'uid-1', 'other')).toBe('kube-system/other');
    expect(c.keyOf('', 'uid-1', 'other')).toBe('/other');
    expect(c.keyOf(undefined, 'uid-1', 'other')).toBe('undefined/other');
    c.forget('uid-1');
    expect(c.keyOf('default', 'uid-1', 'web-abc')).toBe('default/web-abc');
  });
});
