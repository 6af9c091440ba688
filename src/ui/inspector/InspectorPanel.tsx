// Inspector for the object selected in the graph (slot: src/ui/app/slots.tsx, lazy). Tabs: YAML (as
// `kubectl get -o yaml` prints it), Events, and per kind: iptables-save for a Node / kube-proxy with
// the last trace's rules highlighted, resolv.conf for a Pod, the selector check for Pods/Services;
// the cluster-wide DNS records table is always there.
import './inspector.css';
// The rules, resolv.conf and DNS tabs need the core's late parts (src/sim/late): bind them with this chunk.
import '../../sim/late-impl';
import { useEffect, useMemo, useState } from 'react';
import type { Event, KindName } from '../../sim/api/types';
import { useStore } from '../../state/store';
import { parseKey } from '../graph/keys';
import { type MessageKey, useT } from '../i18n';
import { DnsTable, EventsView, RulesView, SelectionView, tracedRules, YamlView } from './views';

type Tab = 'yaml' | 'events' | 'rules' | 'resolv' | 'selection' | 'dns';

const TAB_LABEL: Record<Tab, MessageKey> = {
  yaml: 'inspectorYaml',
  events: 'inspectorEvents',
  rules: 'inspectorRules',
  resolv: 'inspectorResolv',
  selection: 'inspectorSelection',
  dns: 'inspectorDns',
};

function tabsFor(key: string | null): Tab[] {
  if (!key) return ['dns'];
  const { kind } = parseKey(key);
  switch (kind) {
    case 'Pod':
      return ['yaml', 'events', 'resolv', 'selection', 'dns'];
    case 'Service':
      return ['yaml', 'events', 'selection', 'dns'];
    case 'Node':
      return ['yaml', 'events', 'rules', 'dns'];
    case 'kube-proxy':
      return ['rules', 'dns'];
    case 'host':
    case 'external':
      return ['dns'];
    default:
      return ['yaml', 'events', 'dns'];
  }
}

export default function InspectorPanel() {
  const t = useT();
  const selected = useStore((s) => s.selected);
  const objects = useStore((s) => s.objects);
  const core = useStore((s) => s.core);
  const revision = useStore((s) => s.revision);
  const [chosen, setChosen] = useState<Tab>('yaml');

  const tabs = tabsFor(selected);
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? 'dns');
  // The tab row scrolls sideways when it cannot show every tab (inspector.css): keep the chosen one in
  // sight, whether chosen by click, arrow key or a new selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selected: another object's tabs, same id
  useEffect(() => {
    document.getElementById(`inspector-tab-${tab}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab, selected]);
  // Only the rules view highlights the last trace: the graph sets lastTrace 5 times a second under
  // traffic, and the DNS table (250 records with 200 Pods) must not be rebuilt for it.
  const lastTrace = useStore((s) => (tab === 'rules' ? s.lastTrace : null));
  const parsed = selected ? parseKey(selected) : null;
  const obj = selected ? objects.get(selected) : undefined;
  const nodeName = parsed && (parsed.kind === 'Node' || parsed.kind === 'kube-proxy') ? parsed.name : null;

  // revision: the cluster changed (events, rules, records are read from it, not kept in the store)
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the change signal
  const content = useMemo(() => {
    switch (tab) {
      case 'events': {
        if (!obj) return null;
        const events = (
          core.cluster.list('Event' as KindName, {
            namespace: obj.metadata.namespace ?? 'default',
          }) as Event[]
        ).filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name);
        return <EventsView events={events} />;
      }
      case 'rules':
        return nodeName ? (
          <RulesView text={core.cluster.net.iptablesSave(nodeName)} matched={tracedRules(lastTrace)} />
        ) : null;
      case 'resolv':
        return selected ? (
          <pre className="inspector-pre" data-testid="inspector-resolv">
            {core.cluster.net.resolvConf(selected)}
          </pre>
        ) : null;
      case 'dns':
        return <DnsTable records={core.cluster.net.dnsRecords()} />;
      case 'selection':
        return obj ? <SelectionView obj={obj} objects={objects} /> : null;
      default:
        return obj ? <YamlView obj={obj} /> : null;
    }
  }, [tab, obj, core, revision, lastTrace, nodeName, selected, objects]);

  const gone =
    selected !== null &&
    !obj &&
    parsed?.kind !== 'kube-proxy' &&
    parsed?.kind !== 'host' &&
    !parsed?.kind.startsWith('external');
  return (
    <div className="inspector" data-testid="inspector">
      <p className="inspector-title">{selected ? <strong>{selected}</strong> : t('inspectorNone')}</p>
      {gone ? <p className="inspector-note">{t('inspectorGone', { key: selected })}</p> : null}
      <div
        role="tablist"
        aria-label={t('inspectorTabs', { name: parsed?.name ?? '' })}
        className="inspector-tabs"
      >
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`inspector-tab-${k}`}
            aria-selected={k === tab}
            aria-controls="inspector-tabpanel"
            tabIndex={k === tab ? 0 : -1}
            onClick={() => setChosen(k)}
            onKeyDown={(e) => {
              const i = tabs.indexOf(k);
              const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (d === 0) return;
              const nextTab = tabs[(i + d + tabs.length) % tabs.length];
              if (nextTab) {
                setChosen(nextTab);
                document.getElementById(`inspector-tab-${nextTab}`)?.focus();
              }
            }}
          >
            {t(TAB_LABEL[k])}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable tab panel must be reachable by keyboard (ARIA tabs pattern; axe scrollable-region-focusable)
        tabIndex={0}
        id="inspector-tabpanel"
        aria-labelledby={`inspector-tab-${tab}`}
        className="inspector-body"
      >
        {content}
      </div>
    </div>
  );
}
