// Monaco, bundled locally (never a CDN) with slim imports, plus monaco-yaml with our Kubernetes schema.
// Imported only by the lazy editor chunk. See TOOLCHAIN.md §2 for why each line is needed.
import { loader } from '@monaco-editor/react';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { useStore } from './state/store';
import type { Lang } from './state/view-slice';
import { K8S_SCHEMA_URI, k8sSchema, localizedSchema } from './ui/editor/k8s-schema';
import YamlWorker from './yaml.worker?worker';

declare global {
  interface Window {
    monaco?: typeof monaco;
  }
}

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// monaco-editor >=0.53: editor.createWebWorker() requires {worker}; monaco-yaml 5.5.1 (via
// monaco-worker-manager 2.0.1) still passes legacy {moduleId,label,createData}. Bridge it the way
// monaco's own internal/common/workers.js does for json/css/html/ts.
type LegacyWorkerOpts = {
  moduleId: string;
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
};
const createWebWorker = monaco.editor.createWebWorker;
monaco.editor.createWebWorker = ((opts: LegacyWorkerOpts | Parameters<typeof createWebWorker>[0]) => {
  if ('worker' in opts) return createWebWorker(opts);
  const legacy = opts as LegacyWorkerOpts;
  const getWorker = self.MonacoEnvironment?.getWorker;
  if (!getWorker) throw new Error('MonacoEnvironment.getWorker is not set');
  const worker = Promise.resolve(getWorker(legacy.moduleId, legacy.label ?? 'monaco-editor-worker')).then(
    (w) => {
      w.postMessage('ignore');
      w.postMessage(legacy.createData);
      return w;
    },
  );
  const o: Parameters<typeof createWebWorker>[0] = { worker, host: legacy.host as never };
  if (legacy.keepIdleModels !== undefined) o.keepIdleModels = legacy.keepIdleModels;
  return createWebWorker(o);
}) as typeof createWebWorker;

const yamlOptions = (schema: object) => ({
  enableSchemaRequest: false, // offline
  validate: true,
  completion: true,
  hover: true,
  // kubectl reads YAML 1.1 (go-yaml v2): `yes` is a boolean and `0644` octal, so the editor's
  // schema check sees the values the API server will (src/sim/yaml.ts).
  yamlVersion: '1.1' as const,
  schemas: [{ uri: K8S_SCHEMA_URI, fileMatch: ['*'], schema: schema as never }],
});
// The hover's own words ("Source:", "Allowed Values:") in Korean (./ui/i18n/yaml-ls-ko); wrapped
// before monaco-yaml registers its hover provider for 'yaml'.
const registerHoverProvider = monaco.languages.registerHoverProvider;
monaco.languages.registerHoverProvider = (selector, provider) =>
  registerHoverProvider(selector, {
    async provideHover(...args) {
      const hover = await provider.provideHover(...args);
      const tr = useStore.getState().lang === 'ko' ? yamlHoverKo : undefined;
      if (!hover || !tr || selector !== 'yaml') return hover;
      return { ...hover, contents: hover.contents.map((c) => ({ ...c, value: tr(c.value) })) };
    },
  });
const monacoYaml = configureMonacoYaml(monaco, yamlOptions(k8sSchema));

// The schema's title and descriptions (hover, completion details, the source of its problems) follow
// the UI language; monaco-yaml restarts its worker with the new schema. The Korean texts are their own
// chunk. The YAML language server's problem messages are translated as monaco-yaml sets them (owner
// 'yaml', ./ui/i18n/yaml-ls-ko); update() revalidates every model, so a switch re-sets them.
let schemaSeq = 0;
let yamlMessageKo: ((message: string) => string) | undefined;
let yamlHoverKo: ((markdown: string) => string) | undefined;
async function schemaFollows(lang: Lang) {
  const seq = ++schemaSeq;
  let schema = k8sSchema;
  if (lang === 'ko') {
    const [s, ls] = await Promise.all([import('./ui/i18n/schema-ko'), import('./ui/i18n/yaml-ls-ko')]);
    schema = localizedSchema(s.SCHEMA_TITLE_KO, (d) => s.SCHEMA_KO[d] ?? d);
    yamlMessageKo = ls.yamlMessageKo;
    yamlHoverKo = ls.yamlHoverKo;
  }
  if (seq === schemaSeq) await monacoYaml.update(yamlOptions(schema));
}
const setModelMarkers = monaco.editor.setModelMarkers;
monaco.editor.setModelMarkers = (model, owner, markers) => {
  const tr = owner === 'yaml' && useStore.getState().lang === 'ko' ? yamlMessageKo : undefined;
  setModelMarkers(model, owner, tr ? markers.map((m) => ({ ...m, message: tr(m.message) })) : markers);
};
if (useStore.getState().lang !== 'en') void schemaFollows(useStore.getState().lang).catch(() => {});
useStore.subscribe((s, prev) => {
  if (s.lang !== prev.lang) void schemaFollows(s.lang).catch(() => {});
});

loader.config({ monaco });
window.monaco = monaco;

export { monaco };
