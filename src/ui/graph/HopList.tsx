// The accessible account of the packet being shown: a polite live region listing its hops (kind,
// label, matched rule) and, once complete, the verdict and why. Screen readers and e2e read this.
import type { Trace } from '../../sim/contract';
import { type MessageKey, useT } from '../i18n';
import type { TrafficPlan } from './trace-steps';

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

export function HopList({
  trace,
  plan,
  revealed,
}: {
  trace: Trace | null;
  plan: TrafficPlan | null;
  revealed: number;
}) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="hop-list" aria-labelledby="hop-list-title" data-testid="hop-list" tabIndex={0}>
      <h3 id="hop-list-title">{t('graphHopList')}</h3>
      <div role="log" aria-live="polite" aria-atomic="false">
        {!trace || !plan ? (
          <p className="hop-empty">{t('graphNoTraffic')}</p>
        ) : (
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
                  <span className="hop-kind">{s.kind}</span> {s.label}
                  {s.rule ? <code className="hop-rule">{t('graphRule', { rule: s.rule })}</code> : null}
                </li>
              ))}
            </ol>
            {revealed >= plan.steps.length ? (
              <p className={`hop-verdict${plan.ok ? ' is-ok' : ' is-failed'}`} data-testid="hop-verdict">
                {t('graphVerdict', { verdict: t(`graphVerdict.${plan.verdict}` as MessageKey) })}
                {plan.reason ? ` — ${plan.reason}` : ''}
              </p>
            ) : (
              <p className="hop-progress">{t('graphStepOf', { n: revealed, total: plan.steps.length })}</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
