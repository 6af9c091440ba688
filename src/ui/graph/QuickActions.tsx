// Quick actions on the selected Pod. They run real kubectl lines through the terminal session
// (`runCommand(line, 'graph')`), so the output lands in the terminal, the command is recorded for
// replay, and the traces come back through the same queue as typed commands. Until the session has
// loaded (sessionReady, as the Apply button and the editor's Ctrl+Enter wait) they are disabled: a
// line run before then was recorded for replay while its output went to no terminal.
import { type FormEvent, useState } from 'react';
import { useStore } from '../../state/store';
import { useT } from '../i18n';
import { deletePodCommand, podCommand, type Tool } from './commands';
import { parseKey } from './keys';

export default function QuickActions({ podKey }: { podKey: string }) {
  const t = useT();
  const { name, namespace = 'default' } = parseKey(podKey);
  const [tool, setTool] = useState<Tool>('ping');
  const [target, setTarget] = useState('');
  const ready = useStore((s) => s.sessionReady);
  const run = (line: string) => {
    if (useStore.getState().sessionReady) useStore.getState().runCommand(line, 'graph');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tgt = target.trim();
    if (tgt === '' || !ready) return;
    run(podCommand(tool, name, namespace, tgt));
  };
  return (
    <form className="quick-actions" aria-label={t('graphQuickActions', { name })} onSubmit={submit}>
      <button
        type="button"
        className="danger"
        disabled={!ready}
        onClick={() => run(deletePodCommand(name, namespace))}
      >
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
      <button type="submit" disabled={!ready}>
        {t('graphRun')}
      </button>
    </form>
  );
}
