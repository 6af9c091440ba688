// Monaco's UI language (./monaco-lang): the Korean table is in place when Monaco's modules evaluate
// (the mocked ./YamlEditor stands for them and records what it sees), English leaves Monaco its
// built-in strings even after Korean was loaded once, and the table shipped with monaco-editor is the
// one this Monaco's `localize(index, …)` calls index (a monaco-editor upgrade with a mismatched table
// would show wrong labels).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Nls {
  _VSCODE_NLS_MESSAGES?: string[];
  _VSCODE_NLS_LANGUAGE?: string;
}
const nls = globalThis as Nls;

const seen: { lang: string | undefined; find: string | undefined }[] = [];

async function fresh(lang: 'en' | 'ko') {
  vi.resetModules();
  vi.doMock('./YamlEditor', () => {
    seen.push({ lang: nls._VSCODE_NLS_LANGUAGE, find: nls._VSCODE_NLS_MESSAGES?.[1019] });
    return { default: () => null };
  });
  const { useStore } = await import('../../state/store');
  useStore.setState({ lang });
  return { ...(await import('./monaco-lang')), useStore };
}

/** The index monaco-editor's English source passes to localize() for `text` in `file`. */
function indexOf(file: string, text: string): number {
  const req = createRequire(import.meta.url);
  const path = req.resolve('monaco-editor/nls.js').replace(/nls\.js$/, file);
  const m = readFileSync(path, 'utf8').match(new RegExp(`localize2?\\((\\d+), ["']${text}["']`));
  return Number(m?.[1] ?? -1);
}

describe("Monaco's UI language", () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it('Korean: the table is set before Monaco evaluates', async () => {
    const m = await fresh('ko');
    await m.loadMonacoEditor();
    expect(seen).toEqual([{ lang: 'ko', find: '찾기' }]);
    expect(m.monacoBuiltLang()).toBe('ko');
    // a later switch cannot re-localise Monaco: it stays what it was built with
    m.useStore.setState({ lang: 'en' });
    await m.loadMonacoEditor();
    expect(m.monacoBuiltLang()).toBe('ko');
  });

  it('English: no table when Monaco evaluates, even after Korean was loaded on this page', async () => {
    expect(nls._VSCODE_NLS_LANGUAGE).toBe('ko'); // left by the test above
    const m = await fresh('en');
    await m.loadMonacoEditor();
    expect(seen).toEqual([{ lang: undefined, find: undefined }]);
    expect(m.monacoBuiltLang()).toBe('en');
  });

  it("monaco-editor's Korean table matches this Monaco's message indices", async () => {
    await import('monaco-editor/nls/lang/ko.js');
    const ko = nls._VSCODE_NLS_MESSAGES ?? [];
    const at = (file: string, text: string) => ko[indexOf(file, text)];
    expect(at('editor/contrib/find/browser/findWidget.js', 'Find')).toBe('찾기');
    expect(at('editor/contrib/find/browser/findWidget.js', 'No results')).toBe('결과 없음');
    expect(at('editor/contrib/clipboard/browser/clipboard.js', 'Cut')).toBe('잘라내기');
    expect(at('editor/common/standaloneStrings.js', 'Command Palette')).toBe('명령 팔레트');
  });
});
