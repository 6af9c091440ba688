// Play / pause / step / speed for the simulated clock, and the simulated time since the cluster started.
import { SPEEDS } from '../../state/playback-slice';
import { useShallow, useStore } from '../../state/store';
import { useT } from '../i18n';

function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function TimeControls() {
  const t = useT();
  const { playing, speed, togglePlaying, setSpeed, stepClock } = useStore(
    useShallow((s) => ({
      playing: s.playing,
      speed: s.speed,
      togglePlaying: s.togglePlaying,
      setSpeed: s.setSpeed,
      stepClock: s.stepClock,
    })),
  );
  // Whole seconds only, so the toolbar re-renders once a simulated second, not every frame.
  const elapsed = useStore((s) => Math.floor((s.simNow - s.startedAt) / 1000));
  return (
    <fieldset className="group">
      <legend className="visually-hidden">{t('simTime')}</legend>
      <button type="button" onClick={togglePlaying} aria-pressed={!playing} data-testid="play-pause">
        <span aria-hidden="true">{playing ? '‖' : '▶'}</span> {playing ? t('pause') : t('play')}
      </button>
      <button type="button" onClick={stepClock} disabled={playing} title={t('stepHint')}>
        <span aria-hidden="true">⇥</span> {t('step')}
      </button>
      <label className="inline">
        <span className="visually-hidden">{t('speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('speed')}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <output className="sim-time" aria-label={t('simTime')} data-testid="sim-time">
        {formatElapsed(elapsed * 1000)}
      </output>
    </fieldset>
  );
}
