// Seed display + set, Reset, and the profile switch (Docker Desktop / kind / k3s, iptables / IPVS).
// Changing the seed or the profile starts a new cluster and replays the commands so far on it: that is
// the chapter's "same manifest, different result" (e.g. LoadBalancer `localhost` vs `<pending>`).
import { useEffect, useState } from 'react';
import type { ProfileName, ProxyMode } from '../../sim/contract';
import { useShallow, useStore } from '../../state/store';
import { type MessageKey, useT } from '../i18n';

const PROFILES: { id: ProfileName; label: MessageKey }[] = [
  { id: 'docker-desktop', label: 'profileDockerDesktop' },
  { id: 'kind', label: 'profileKind' },
  { id: 'k3s', label: 'profileK3s' },
];

const MAX_SEED = 4294967295;

/** Rebuild with new settings, replaying what was done so far. */
function rebuild(opts: { seed?: number; profile?: ProfileName; proxyMode?: ProxyMode }) {
  const s = useStore.getState();
  const sc = s.serializeScenario();
  s.loadScenario({ ...sc, ...opts });
}

export function ClusterControls() {
  const t = useT();
  const { seed, profile, proxyMode, resetCluster } = useStore(
    useShallow((s) => ({
      seed: s.seed,
      profile: s.profile,
      proxyMode: s.proxyMode,
      resetCluster: s.resetCluster,
    })),
  );
  const [draft, setDraft] = useState(String(seed));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(String(seed)), [seed]);

  const submitSeed = () => {
    const n = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || !Number.isSafeInteger(n) || n > MAX_SEED) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (n !== seed) resetCluster({ seed: n });
  };

  return (
    <>
      <form
        className="group"
        onSubmit={(e) => {
          e.preventDefault();
          submitSeed();
        }}
      >
        <label className="inline" htmlFor="seed-input">
          {t('seed')}
        </label>
        <input
          id="seed-input"
          className="seed-input"
          inputMode="numeric"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'seed-error' : undefined}
        />
        <button type="submit">{t('setSeed')}</button>
        {invalid && (
          <span id="seed-error" role="alert" className="field-error">
            {t('seedInvalid')}
          </span>
        )}
        <button
          type="button"
          title={t('resetHint')}
          onClick={() => {
            if (window.confirm(t('resetConfirm'))) resetCluster();
          }}
        >
          <span aria-hidden="true">↺</span> {t('reset')}
        </button>
      </form>
      <div className="group" title={t('profileChangeNote')}>
        <label className="inline" htmlFor="profile-select">
          {t('profile')}
        </label>
        <select
          id="profile-select"
          value={profile}
          onChange={(e) => rebuild({ profile: e.target.value as ProfileName })}
        >
          {PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {t(p.label)}
            </option>
          ))}
        </select>
        <label className="inline" htmlFor="proxy-select">
          {t('proxyMode')}
        </label>
        <select
          id="proxy-select"
          value={proxyMode}
          onChange={(e) => rebuild({ proxyMode: e.target.value as ProxyMode })}
        >
          <option value="iptables">{t('proxyIptables')}</option>
          <option value="ipvs">{t('proxyIpvs')}</option>
        </select>
      </div>
    </>
  );
}
