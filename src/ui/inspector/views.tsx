// The inspector's views. YAML comes from kubectl's own `-o yaml` printer (no second printer);
// rules, resolv.conf and DNS records come from the cluster's network model through the store's core.
import { Fragment, useMemo } from 'react';
import { translateTimestampSince } from '../../kubectl/printers/duration';
import { toYaml } from '../../kubectl/printers/yaml';
import type { Event, K8sObject, Labels, Pod, Service } from '../../sim/api/types';
import type { DnsRecord, Trace } from '../../sim/contract';
import { useStore } from '../../state/store';
import { selectorDiff, selects } from '../graph/selectors';
import { useT } from '../i18n';

export function YamlView({ obj }: { obj: K8sObject }) {
  const text = useMemo(() => toYaml(obj), [obj]);
  return (
    <pre className="inspector-pre" data-testid="inspector-yaml">
      {text}
    </pre>
  );
}

export function EventsView({ events }: { events: Event[] }) {
  const t = useT();
  // AGE in whole seconds: re-render once per simulated second, not per frame
  const now = useStore((s) => Math.floor(s.simNow / 1000) * 1000);
  if (events.length === 0) return <p>{t('inspectorNoEvents')}</p>;
  return (
    <table className="inspector-table" data-testid="inspector-events">
      <thead>
        <tr>
          <th scope="col">{t('inspectorColType')}</th>
          <th scope="col">{t('inspectorColReason')}</th>
          <th scope="col">{t('inspectorColAge')}</th>
          <th scope="col">{t('inspectorColFrom')}</th>
          <th scope="col">{t('inspectorColMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.metadata.name} className={e.type === 'Warning' ? 'is-warning' : ''}>
            <td className="is-short">{e.type}</td>
            <td className="is-word">{e.reason}</td>
            <td className="is-short">
              {translateTimestampSince(e.lastTimestamp || e.metadata.creationTimestamp, now)}
            </td>
            <td className="is-word">{e.source?.component ?? e.reportingComponent ?? ''}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every rule line the trace matched (the KUBE-SERVICES jump, the KUBE-SVC pick, the DNAT). */
export function tracedRules(trace: Trace | null): Set<string> {
  const out = new Set<string>();
  for (const h of trace?.hops ?? []) if (h.rule) out.add(h.rule.trim());
  return out;
}

export function RulesView({ text, matched }: { text: string; matched: Set<string> }) {
  const t = useT();
  const lines = text.split('\n');
  const any = lines.some((l) => matched.has(l.trim()));
  return (
    <>
      <p className="inspector-note">{any ? t('inspectorRuleMatched') : t('inspectorNoRuleMatched')}</p>
      <pre className="inspector-pre" data-testid="inspector-iptables">
        {lines.map((l, i) =>
          matched.has(l.trim()) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional text
            <mark key={i} className="rule-hit" data-testid="matched-rule">
              {l}
              {'\n'}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional text
            <span key={i}>
              {l}
              {'\n'}
            </span>
          ),
        )}
      </pre>
    </>
  );
}

export function DnsTable({ records }: { records: DnsRecord[] }) {
  const t = useT();
  return (
    <table className="inspector-table" data-testid="dns-records">
      <thead>
        <tr>
          <th scope="col">{t('inspectorColName')}</th>
          <th scope="col">{t('inspectorColType')}</th>
          <th scope="col">{t('inspectorColValue')}</th>
          <th scope="col">{t('inspectorColTtl')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={`${r.name} ${r.type} ${r.value}`}>
            <td className="is-dns">
              <DnsName text={r.name} />
            </td>
            <td className="is-short">{r.type}</td>
            <td className="is-dns">
              <DnsName text={r.value} />
            </td>
            <td className="is-short">{r.ttl}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A DNS name that may wrap after each dot (`kube-dns.kube-system.svc.` / `cluster.local`): a browser
 * finds no break between a dot and a letter, so the narrow inspector cut names mid-label instead.
 */
function DnsName({ text }: { text: string }) {
  const parts = text.split(/(?<=\.)/);
  return (
    <>
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

function Diff({ selector, labels }: { selector: Labels | undefined; labels: Labels | undefined }) {
  const t = useT();
  const diff = selectorDiff(selector, labels);
  return (
    <ul className="label-diff">
      {diff.map((d) => (
        <li key={d.key}>
          {d.have === undefined
            ? t('inspectorLabelMissing', { key: d.key, want: d.want })
            : t('inspectorLabelDiffers', { key: d.key, have: d.have, want: d.want })}
        </li>
      ))}
    </ul>
  );
}

/** For a Service: each Pod of its namespace, selected or why not. For a Pod: each Service likewise. */
export function SelectionView({ obj, objects }: { obj: K8sObject; objects: ReadonlyMap<string, K8sObject> }) {
  const t = useT();
  const ns = obj.metadata.namespace ?? 'default';
  const same = (kind: string) =>
    [...objects.values()].filter(
      (o) => o.kind === kind && o.metadata.namespace === ns && !o.metadata.deletionTimestamp,
    );
  if (obj.kind === 'Service') {
    const svc = obj as Service;
    if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0)
      return <p>{t('inspectorNoSelector')}</p>;
    const pods = same('Pod') as Pod[];
    return (
      <section data-testid="inspector-selection">
        <h3>{t('inspectorPodsOfService', { ns })}</h3>
        <p>
          <code>
            {Object.entries(svc.spec.selector)
              .map(([k, v]) => `${k}=${v}`)
              .join(',')}
          </code>
        </p>
        {pods.length === 0 ? <p>{t('inspectorNothing')}</p> : null}
        <ul className="selection-list">
          {pods.map((p) => {
            const ok = selects(svc.spec.selector, p.metadata.labels);
            return (
              <li key={p.metadata.name} className={ok ? 'is-ok' : 'is-miss'}>
                <strong>{p.metadata.name}</strong> — {ok ? t('inspectorSelected') : t('inspectorNotSelected')}
                {ok ? null : <Diff selector={svc.spec.selector} labels={p.metadata.labels} />}
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  const pod = obj as Pod;
  const services = (same('Service') as Service[]).filter((s) => s.spec.selector);
  return (
    <section data-testid="inspector-selection">
      <h3>{t('inspectorServicesOfPod', { ns })}</h3>
      <p>
        <code>
          {Object.entries(pod.metadata.labels ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join(',') || '<none>'}
        </code>
      </p>
      {services.length === 0 ? <p>{t('inspectorNothing')}</p> : null}
      <ul className="selection-list">
        {services.map((s) => {
          const ok = selects(s.spec.selector, pod.metadata.labels);
          return (
            <li key={s.metadata.name} className={ok ? 'is-ok' : 'is-miss'}>
              <strong>{s.metadata.name}</strong> — {ok ? t('inspectorSelected') : t('inspectorNotSelected')}
              {ok ? null : <Diff selector={s.spec.selector} labels={pod.metadata.labels} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
