// What a container runs: ENTRYPOINT/CMD with command/args as Kubernetes combines them, and
// whether that process ends.
import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { containerArgv, programOf, programsOf, SERVER } from './program';

const c = (image: string, more: Partial<Container> = {}): Container => ({ name: 'c', image, ...more });

describe('containerArgv', () => {
  it('busybox and alpine: CMD sh / /bin/sh, no ENTRYPOINT; args replace CMD; command drops CMD', () => {
    expect(containerArgv(c('busybox'))).toEqual(['sh']);
    expect(containerArgv(c('alpine:3.20'))).toEqual(['/bin/sh']);
    expect(containerArgv(c('busybox', { args: ['nslookup', 'x'] }))).toEqual(['nslookup', 'x']);
    expect(containerArgv(c('busybox', { command: ['sleep'], args: ['5'] }))).toEqual(['sleep', '5']);
    expect(containerArgv(c('busybox', { command: ['echo'] }))).toEqual(['echo']);
  });
  it("nginx: args follow the entrypoint script; the .NET images' args go to dotnet", () => {
    expect(containerArgv(c('nginx'))).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(containerArgv(c('nginx', { args: ['echo', 'hi'] }))).toEqual([
      '/docker-entrypoint.sh',
      'echo',
      'hi',
    ]);
    expect(containerArgv(c('kiamol/ch03-numbers-api', { args: ['--x'] }))).toEqual([
      'dotnet',
      'Numbers.Api.dll',
      '--x',
    ]);
  });
  it('an image whose process is not modelled: only a command says what runs', () => {
    expect(containerArgv(c('example/app'))).toBeUndefined();
    expect(containerArgv(c('example/app', { command: ['x'] }))).toEqual(['x']);
  });
});

describe('programOf', () => {
  it("the book's images, nginx and unknown images without command are servers (one shared answer)", () => {
    for (const image of [
      'kiamol/ch03-sleep',
      'kiamol/ch03-numbers-api',
      'kiamol/ch03-numbers-web:v2',
      'nginx',
      'example/app',
    ])
      expect(programOf(c(image))).toBe(SERVER);
    expect(programsOf([c('nginx'), c('kiamol/ch03-sleep')])).toBeUndefined();
  });
  it('busybox with no command runs sh, which ends (no stdin); with -i it waits on stdin', () => {
    expect(programOf(c('busybox'))).toEqual({ kind: 'run', argv: ['sh'] });
    expect(programOf(c('busybox', { stdin: true, tty: true }))).toBe(SERVER);
    expect(programOf(c('busybox', { stdin: true, args: ['nslookup', 'x'] }))).toEqual({
      kind: 'run',
      argv: ['nslookup', 'x'],
    });
  });
  it('sleep N ends after N s (suffixes summed as BusyBox does); sleep inf and tail -f do not end', () => {
    expect(programOf(c('busybox', { args: ['sleep', '5'] }))).toEqual({ kind: 'sleep', ms: 5_000 });
    expect(programOf(c('busybox', { command: ['/bin/sleep', '1m', '0.5'] }))).toEqual({
      kind: 'sleep',
      ms: 60_500,
    });
    expect(programOf(c('busybox', { args: ['sleep', 'infinity'] }))).toBe(SERVER);
    expect(programOf(c('busybox', { args: ['tail', '-f', '/dev/null'] }))).toBe(SERVER);
    // An invalid duration is left to the applet (usage, exit 1).
    expect(programOf(c('busybox', { args: ['sleep', 'x'] }))).toEqual({ kind: 'run', argv: ['sleep', 'x'] });
  });
  it('nginx -- echo hi runs echo (the entrypoint execs "$@"); the sleep image with a command runs it', () => {
    expect(programOf(c('nginx', { args: ['echo', 'hi'] }))).toEqual({ kind: 'run', argv: ['echo', 'hi'] });
    expect(programOf(c('nginx', { args: ['nginx', '-g', 'daemon off;'] }))).toBe(SERVER);
    expect(programOf(c('kiamol/ch03-sleep', { command: ['sh', '-c', 'exit 2'] }))).toEqual({
      kind: 'run',
      argv: ['sh', '-c', 'exit 2'],
    });
    expect(programsOf([c('nginx'), c('busybox')])).toEqual([SERVER, { kind: 'run', argv: ['sh'] }]);
  });
});
