// The hops of the packet shown in the hop list (HopList.tsx): title, the hops revealed so far, then the
// verdict and why. In the traffic chunk (re-exported by TrafficController.tsx): there is nothing to
// list before a trace has been played, and the player is what brings the first one.
import { useEffect, useRef } from 'react';
import type { Trace } from '../../sim/contract';
import { type MessageKey, useT } from '../i18n';
import type { TrafficPlan } from './trace-steps';
import { kindText, useTraceT } from './use-trace-text';

function describeSource(trace: Trace): string {
  switch (trace.source.kind) {
    case 'pod':
      return trace.source.key.split('/').slice(2).join('/');
    case 'node':
      return trace.source.name;
    default:
      return 'localhost';
  }
}

export function HopSteps({ trace, plan, revealed }: { trace: Trace; plan: TrafficPlan; revealed: number }) {
  const t = useT();
  const tt = useTraceT();
  // The newest hop, then the verdict, kept in view as a log does: the list is shorter than a ping's
  // hops with Large text (1280×720: 299 px of 427), and the verdict scrolled out of sight. Only the
  // list scrolls (scrollIntoView would scroll the panels around it too).
  const endRef = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each hop revealed, and a new packet, scroll
  useEffect(() => {
    const end = endRef.current;
    const list = end?.closest<HTMLElement>('.hop-list');
    if (!end || !list || revealed <= 0) return;
    const e = end.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    // its bottom into view, but never its top out (a long verdict reads from its start)
    const by = Math.min(e.bottom + 4 - l.bottom, e.top - l.top);
    if (by > 0) list.scrollTop += Math.ceil(by);
  }, [revealed, plan]);
  return (
    <>
      <p className="hop-title">
        {t('graphTraceTitle', {
          source: describeSource(trace),
          destination: trace.destination + (trace.port ? `:${trace.port}` : ''),
          protocol: trace.protocol,
        })}
      </p>
      <ol>
        {plan.steps.slice(0, revealed).map((s) => (
          <li key={s.n} className={s.failed ? 'is-failed' : ''} data-kind={s.kind}>
            <span className="hop-kind">{kindText(tt, s.kind)}</span> {tt(s.label, s.textCode)}
            {s.rule ? <code className="hop-rule">{t('graphRule', { rule: s.rule })}</code> : null}
          </li>
        ))}
      </ol>
      {revealed >= plan.steps.length ? (
        <p
          ref={endRef}
          className={`hop-verdict${plan.ok ? ' is-ok' : ' is-failed'}`}
          data-testid="hop-verdict"
        >
          <strong>{t('graphVerdict', { verdict: t(`graphVerdict.${plan.verdict}` as MessageKey) })}</strong>
          {plan.reason ? ` — ${tt(plan.reason, plan.reasonCode)}` : ''}
        </p>
      ) : (
        <p ref={endRef} className="hop-progress">
          {t('graphStepOf', { n: revealed, total: plan.steps.length })}
        </p>
      )}
    </>
  );
}
