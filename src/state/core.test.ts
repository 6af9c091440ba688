import { describe, expect, it } from 'vitest';
import { CH03_DIR } from '../scenarios/ch03';
import { createCore, loadSession } from './core';

describe('core: the file system before the kubectl chunk is loaded', () => {
  it('keeps edits made before loadSession, with the simulated time they were made at', async () => {
    const core = createCore({ seed: 7, profile: 'docker-desktop', proxyMode: 'iptables' });
    const start = core.cluster.now();
    const before = core.files.list();
    expect(before).toContain('sleep/sleep1.yaml');
    core.cluster.advance(5000);
    core.files.write('notes/todo.txt', 'hello\n');
    core.cluster.advance(2000);
    core.files.remove('sleep/sleep1.yaml');
    expect(core.files.read('notes/todo.txt')).toBe('hello\n');
    expect(core.files.list()).not.toContain('sleep/sleep1.yaml');
    // Not loaded yet: the session says so instead of running.
    expect(core.session.run('ls').exitCode).toBe(1);

    await loadSession();
    core.cluster.advance(3000);
    expect(core.files.list()).toEqual(
      [...before.filter((p) => p !== 'sleep/sleep1.yaml'), 'notes/todo.txt'].sort(),
    );
    expect(core.session.fs.stat(`${CH03_DIR}/notes/todo.txt`)?.mtime).toBe(start + 5000);
    expect(core.session.fs.stat(`${CH03_DIR}/sleep/sleep2.yaml`)?.mtime).toBe(start);
    const cat = core.session.run('cat notes/todo.txt');
    expect(cat.output.map((c) => c.text).join('')).toBe('hello\n');
  });
});
