// Panel slots owned by the graph helper. Each file, when it exists, must `export default` a component
// that takes no props and reads the store through selectors (src/state/store.ts):
//   src/ui/graph/GraphPanel.tsx         loaded with the page (the graph is the first thing a student sees)
//   src/ui/inspector/InspectorPanel.tsx lazy
//   src/ui/browser/BrowserPanel.tsx     lazy
// import.meta.glob resolves to {} when a file is absent, so the shell builds before those panels land.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { useT } from '../i18n';

type Mod = { default: ComponentType };

const graphMods = import.meta.glob<Mod>('../graph/GraphPanel.tsx', { eager: true });
const inspectorMods = import.meta.glob<Mod>('../inspector/InspectorPanel.tsx');
const browserMods = import.meta.glob<Mod>('../browser/BrowserPanel.tsx');

function Placeholder() {
  const t = useT();
  return <p className="panel-placeholder">{t('panelComingSoon')}</p>;
}

function lazySlot(
  mods: Record<string, () => Promise<Mod>>,
): ComponentType | LazyExoticComponent<ComponentType> {
  const load = Object.values(mods)[0];
  return load ? lazy(load) : Placeholder;
}

export const GraphSlot: ComponentType = Object.values(graphMods)[0]?.default ?? Placeholder;
export const InspectorSlot = lazySlot(inspectorMods);
export const BrowserSlot = lazySlot(browserMods);
