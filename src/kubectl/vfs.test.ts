import { describe, expect, it } from 'vitest';
import { defaultFs } from './session';
import { normalize, resolvePath, tildify, Vfs } from './vfs';

describe('paths', () => {
  it.each([
    ['/a//b/./c/', '/a/b/c'],
    ['/a/b/../../..', '/'],
    ['/', '/'],
  ])('normalize(%s) = %s', (p, want) => {
    expect(normalize(p)).toBe(want);
  });
  it('resolves relative paths and ~ like bash', () => {
    expect(resolvePath('/home/student/ch03', 'sleep/sleep1.yaml')).toBe(
      '/home/student/ch03/sleep/sleep1.yaml',
    );
    expect(resolvePath('/home/student/ch03', '../x')).toBe('/home/student/x');
    expect(resolvePath('/tmp', '~/ch03')).toBe('/home/student/ch03');
    expect(tildify('/home/student/ch03')).toBe('~/ch03');
    expect(tildify('/home/student')).toBe('~');
    expect(tildify('/etc')).toBe('/etc');
  });
});

describe('Vfs', () => {
  it('starts with the chapter folder', () => {
    const fs = defaultFs();
    expect(fs.list('/home/student/ch03')).toEqual(['lab', 'numbers', 'numbers-services', 'sleep']);
    expect(fs.list('/home/student/ch03/numbers')).toEqual([
      'api-service.yaml',
      'api.yaml',
      'rng',
      'web-service.yaml',
      'web.yaml',
    ]);
    expect(fs.read('/home/student/ch03/numbers/rng')).toBe('42');
  });
  it('lists in code-point order, as kubectl walks a directory (- before .)', () => {
    const fs = new Vfs();
    fs.mkdirp('/d');
    for (const n of ['api.yaml', 'api-service.yaml', 'Z.yaml', 'b']) fs.write(`/d/${n}`, '');
    expect(fs.list('/d')).toEqual(['Z.yaml', 'api-service.yaml', 'api.yaml', 'b']);
  });
  it('refuses writes into missing directories or over directories', () => {
    const fs = new Vfs();
    expect(fs.write('/nope/x', 'a')).toBe('/nope/x: No such file or directory');
    fs.mkdirp('/d');
    expect(fs.write('/d', 'a')).toBe('/d: Is a directory');
    expect(fs.write('/d/x', 'a', { append: true })).toBeUndefined();
    fs.write('/d/x', 'b', { append: true });
    expect(fs.read('/d/x')).toBe('ab');
  });
  it('round-trips through JSON and notifies subscribers', () => {
    const fs = defaultFs();
    const seen: string[] = [];
    const off = fs.subscribe((p, c) => seen.push(`${c} ${p}`));
    fs.write('/home/student/ch03/lab/services.yaml', 'kind: Service\n');
    fs.remove('/home/student/ch03/sleep');
    off();
    fs.write('/home/student/ch03/after', '');
    expect(seen).toEqual(['write /home/student/ch03/lab/services.yaml', 'remove /home/student/ch03/sleep']);
    const copy = Vfs.fromJSON(JSON.parse(JSON.stringify(fs.toJSON())));
    expect(copy.toJSON()).toEqual(fs.toJSON());
    expect(copy.isDir('/home/student/ch03/sleep')).toBe(false);
    expect(copy.read('/home/student/ch03/lab/services.yaml')).toBe('kind: Service\n');
  });
});
