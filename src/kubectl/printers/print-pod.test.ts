// printPod's READY/STATUS/RESTARTS for Pods with init containers and sidecars (printers.go printPod).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { printPodCells } from './print-pod';

const T = Date.parse('2026-01-08T09:30:00Z');
const waiting = (reason: string) => ({ waiting: { reason } });
const done = { terminated: { exitCode: 0, reason: 'Completed' } };

function p(
  init: Record<string, unknown>[],
  inits: Record<string, unknown>[],
  cs: Record<string, unknown>[],
  extra = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'x', namespace: 'default', creationTimestamp: '2026-01-08T09:30:00Z' },
    spec: { initContainers: init, containers: [{ name: 'app', image: 'busybox' }] },
    status: { phase: 'Pending', initContainerStatuses: inits, containerStatuses: cs, ...extra },
  } as unknown as Pod;
}
const app = (state: Record<string, unknown>, ready = false) => ({
  name: 'app',
  ready,
  restartCount: 0,
  state,
});
const ic = (name: string, state: Record<string, unknown>, more = {}) => ({
  name,
  ready: false,
  restartCount: 0,
  state,
  ...more,
});

describe('printPod with init containers', () => {
  const two = [{ name: 'a' }, { name: 'b' }];
  it.each([
    [[ic('a', waiting('PodInitializing')), ic('b', waiting('PodInitializing'))], 'Init:0/2'],
    [[ic('a', { running: {} }), ic('b', waiting('PodInitializing'))], 'Init:0/2'],
    [[ic('a', done), ic('b', { running: {} })], 'Init:1/2'],
    [[ic('a', done), ic('b', waiting('ImagePullBackOff'))], 'Init:ImagePullBackOff'],
    [
      [ic('a', { terminated: { exitCode: 1, reason: 'Error' } }), ic('b', waiting('PodInitializing'))],
      'Init:Error',
    ],
    [
      [ic('a', { terminated: { exitCode: 2, reason: '' } }), ic('b', waiting('PodInitializing'))],
      'Init:ExitCode:2',
    ],
    [[ic('a', waiting('CrashLoopBackOff')), ic('b', waiting('PodInitializing'))], 'Init:CrashLoopBackOff'],
    [[ic('a', done), ic('b', done)], 'PodInitializing'],
  ])('%j → %s', (inits, want) => {
    expect(printPodCells(p(two, inits, [app(waiting('PodInitializing'))]), T).reason).toBe(want);
  });

  it('RESTARTS counts the init containers while initialising, then only sidecars and containers', () => {
    const fin = '2026-01-08T09:29:50Z';
    const failing = ic('a', waiting('CrashLoopBackOff'), {
      restartCount: 3,
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: fin } },
    });
    expect(
      printPodCells(
        p(two, [failing, ic('b', waiting('PodInitializing'))], [app(waiting('PodInitializing'))]),
        T,
      ).restarts,
    ).toBe('3 (10s ago)');
    const after = p(two, [ic('a', done, { restartCount: 3 }), ic('b', done)], [app({ running: {} }, true)]);
    expect(printPodCells(after, T)).toEqual({ ready: '1/1', reason: 'Pending', restarts: '0' });
  });

  it('a sidecar counts in READY’s total, and as ready once started and ready', () => {
    const init = [{ name: 's', restartPolicy: 'Always' }, { name: 'b' }];
    const starting = p(
      init,
      [ic('s', { running: {} }, { started: true, ready: true }), ic('b', { running: {} })],
      [app(waiting('PodInitializing'))],
    );
    expect(printPodCells(starting, T)).toEqual({ ready: '1/2', reason: 'Init:1/2', restarts: '0' });
    const notStarted = p(
      init,
      [ic('s', { running: {} }, { started: false }), ic('b', waiting('PodInitializing'))],
      [app(waiting('PodInitializing'))],
    );
    expect(printPodCells(notStarted, T)).toEqual({ ready: '0/2', reason: 'Init:0/2', restarts: '0' });
  });
});
