// `kubectl explain daemonset…` from schema-daemonset.ts (k8s.io/api v0.34.9 apps/v1 doc comments).
import { describe, expect, it } from 'vitest';
import { explain } from './explain';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

describe('kubectl explain daemonset', () => {
  it('prints the apps group header and the spec fields, selector and template required', () => {
    expect(text('ds').startsWith('GROUP:      apps\nKIND:       DaemonSet\nVERSION:    v1\n\n')).toBe(true);
    const spec = text('daemonsets.spec');
    expect([...spec.matchAll(/^ {2}(\w+)\t<([^>]+)>(.*)$/gm)].map((m) => `${m[1]} ${m[2]}${m[3]}`)).toEqual([
      'minReadySeconds integer',
      'revisionHistoryLimit integer',
      'selector LabelSelector -required-',
      'template PodTemplateSpec -required-',
      'updateStrategy DaemonSetUpdateStrategy',
    ]);
  });

  it('explains updateStrategy.type with its enum', () => {
    expect(text('daemonset.spec.updateStrategy.type')).toBe(
      [
        'GROUP:      apps',
        'KIND:       DaemonSet',
        'VERSION:    v1',
        '',
        'FIELD: type <string>',
        'ENUM:',
        '    OnDelete',
        '    RollingUpdate',
        '',
        'DESCRIPTION:',
        '    Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is',
        '    RollingUpdate.',
        '    ',
        '',
      ].join('\n'),
    );
  });

  it('lists the status counts, the four always-present ones required', () => {
    const st = text('ds.status');
    const required = [...st.matchAll(/^ {2}(\w+)\t<[^>]+> -required-$/gm)].map((m) => m[1]);
    expect(required).toEqual([
      'currentNumberScheduled',
      'desiredNumberScheduled',
      'numberMisscheduled',
      'numberReady',
    ]);
  });
});
