// Which program is a container's PID 1 and how it answers SIGTERM (pid1.ts).
import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { IGNORES, pid1Stop, TRAP_WAIT } from './pid1';

const c = (image: string, more: Partial<Container> = {}): Container => ({ name: 'c', image, ...more });
const sh = (script: string, image = 'busybox') => pid1Stop(c(image, { command: ['sh', '-c', script] }));

describe('pid1Stop', () => {
  it("no command/args: the image's own process (undefined)", () => {
    expect(pid1Stop(c('kiamol/ch03-sleep'))).toBeUndefined();
    expect(pid1Stop(c('busybox'))).toBeUndefined();
  });
  it('BusyBox sleep, as command or args, ignores SIGTERM', () => {
    expect(pid1Stop(c('kiamol/ch03-sleep', { args: ['sleep', '3600'] }))).toBe(IGNORES);
    expect(pid1Stop(c('alpine', { command: ['/bin/sleep'], args: ['3600'] }))).toBe(IGNORES);
    expect(pid1Stop(c('busybox', { command: ['httpd', '-f', '-p', '8080'] }))).toBe(IGNORES);
  });
  it('ash -c: a single command is exec-ed; a loop or wait keeps ash, SIGTERM at SIG_DFL', () => {
    expect(sh('sleep 3600')).toBe(IGNORES);
    expect(sh("exec sleep '3600'")).toBe(IGNORES);
    expect(sh('while true; do sleep 1; done')).toBe(IGNORES);
    expect(sh('sleep 1000 & wait')).toBe(IGNORES);
  });
  it('ash -c with `trap : TERM … & wait`: 143 fast, also under exec and nested', () => {
    expect(sh('trap : TERM; sleep 1000 & wait')).toBe(TRAP_WAIT);
    expect(sh('trap : TERM INT; (while true; do sleep 1000; done) & wait')).toBe(TRAP_WAIT);
    expect(
      sh('exec /bin/sh -c "trap : TERM INT; (while true; do sleep 1000; done) & wait"', 'kiamol/ch03-sleep'),
    ).toBe(TRAP_WAIT);
  });
  it('what is not established keeps the image behaviour (undefined)', () => {
    expect(sh('trap : INT; sleep 1000 & wait')).toBeUndefined(); // TERM not trapped: not modelled
    expect(sh('trap "exit 0" TERM; sleep 1000 & wait')).toBeUndefined();
    expect(sh('trap : TERM; sleep 1000')).toBeUndefined(); // a foreground child: not modelled
    expect(sh('trap : TERM; true && wait')).toBeUndefined();
    expect(sh('echo hi; nginx')).toBeUndefined();
    expect(pid1Stop(c('busybox', { command: ['nc', '-l', '-p', '80'] }))).toBeUndefined();
    expect(pid1Stop(c('nginx', { command: ['sleep', '3600'] }))).toBeUndefined(); // GNU coreutils
    expect(pid1Stop(c('nginx', { command: ['nginx', '-g', 'daemon off;'] }))).toBeUndefined();
  });
});
