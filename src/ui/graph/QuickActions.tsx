// Quick actions on the selected Pod. They run real kubectl lines through the terminal session
// (`runCommand(line, 'graph')`), so the output lands in the terminal, the command is recorded for
// replay, and the traces come back through the same queue as typed commands.
import { type FormEvent, useState } from 'react';
import { useStore } from '../../state/store';
import { useT } from '../i18n';
import { parseKey } from './keys';

type Tool = 'ping' | 'curl' | 'nslookup';

/** Single-quote for the playground's POSIX-like shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function podCommand(tool: Tool, pod: string, namespace: string, target: string): string {
  const ns = namespace === 'default' ? '' : ` -n ${shellQuote(namespace)}`;
  const argv: Record<Tool, string> = {
    ping: `ping -c 1 ${shellQuote(target)}`,
    curl: `curl -s ${shellQuote(target)}`,
    nslookup: `nslookup ${shellQuote(target)}`,
  };
  return `kubectl exec ${shellQuote(pod)}${ns} -- ${argv[tool]}`;
}

export function deletePodCommand(pod: string, namespace: string): string {
  const ns = namespace === 'default' ? '' : ` -n ${shellQuote(namespace)}`;
  return `kubectl delete pod ${shellQuote(pod)}${ns}`;
}

export function QuickActions({ podKey }: { podKey: string }) {
  const t = useT();
  const { name, namespace = 'default' } = parseKey(podKey);
  const [tool, setTool] = useState<Tool>('ping');
  const [target, setTarget] = useState('');
  const run = (line: string) => useStore.getState().runCommand(line, 'graph');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tgt = target.trim();
    if (tgt === '') return;
    run(podCommand(tool, name, namespace, tgt));
  };
  return (
    <form className="quick-actions" aria-label={t('graphQuickActions', { name })} onSubmit={submit}>
      <button type="button" className="danger" onClick={() => run(deletePodCommand(name, namespace))}>
        {t('graphDeletePod')}
      </button>
      <label>
        {t('graphTool')}
        <select value={tool} onChange={(e) => setTool(e.target.value as Tool)}>
          <option value="ping">ping</option>
          <option value="curl">curl</option>
          <option value="nslookup">nslookup</option>
        </select>
      </label>
      <label>
        {t('graphTarget')}
        <input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder={t('graphTargetPlaceholder')}
          spellCheck={false}
        />
      </label>
      <button type="submit">{t('graphRun')}</button>
    </form>
  );
}
