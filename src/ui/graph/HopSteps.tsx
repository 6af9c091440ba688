// The hops of the packet shown in the hop list (HopList.tsx): title, the hops revealed so far, then the
// verdict and why. In the traffic chunk (re-exported by TrafficController.tsx): there is nothing to
// list before a trace has been played, and the player is what brings the first one.
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
        <p className={`hop-verdict${plan.ok ? ' is-ok' : ' is-failed'}`} data-testid="hop-verdict">
          <strong>{t('graphVerdict', { verdict: t(`graphVerdict.${plan.verdict}` as MessageKey) })}</strong>
          {plan.reason ? ` — ${tt(plan.reason, plan.reasonCode)}` : ''}
        </p>
      ) : (
        <p className="hop-progress">{t('graphStepOf', { n: revealed, total: plan.steps.length })}</p>
      )}
    </>
  );
}
