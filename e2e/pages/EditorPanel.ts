// Page object for the editor: file tabs, Monaco content (set through `window.monaco`, which is
// reliable; one spec types with the real keyboard), markers, and the apply result strip.
import { expect, type Locator, type Page } from '@playwright/test';

export interface MarkerInfo {
  line: number;
  column: number;
  message: string;
  severity: number;
  owner: string;
}

export class EditorPanel {
  constructor(readonly page: Page) {}

  get tabList(): Locator {
    return this.page.getByRole('tablist', { name: /^(Files|파일)$/ });
  }
  get tabs(): Locator {
    return this.tabList.getByRole('tab');
  }
  tab(path: string): Locator {
    return this.tabList.getByRole('tab', { name: path, exact: true });
  }
  get activeTab(): Locator {
    return this.tabList.getByRole('tab', { selected: true });
  }
  get newFileButton(): Locator {
    return this.page.getByRole('button', { name: /New file|새 파일/ });
  }
  get renameButton(): Locator {
    return this.page.getByRole('button', { name: /^(Rename|이름 바꾸기)$/ });
  }
  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: /^(Delete|삭제)$/ });
  }
  get result(): Locator {
    return this.page.getByTestId('apply-result');
  }
  /** The Monaco text area (keyboard input goes here). */
  get textArea(): Locator {
    return this.page.getByRole('textbox', { name: /YAML editor|YAML 편집기/ });
  }

  async open(path: string) {
    await this.tab(path).click();
    await expect(this.tab(path)).toHaveAttribute('aria-selected', 'true');
    await this.ready(path);
  }

  /**
   * Monaco loaded and its editor showing the model for `path` (or any model). A model can exist
   * before the editor shows it (a file just created in the store): text set on it then would
   * reach no change listener, which a person typing into the editor can never do.
   */
  async ready(path?: string) {
    await this.page.waitForFunction(
      (p) => {
        const mon = window.monaco;
        if (!mon) return false;
        if (!p) return mon.editor.getModels().length > 0;
        return mon.editor.getEditors().some((e) => {
          const u = e.getModel()?.uri.path;
          return u !== undefined && (u.endsWith(`/${p}`) || u === p);
        });
      },
      path,
      { timeout: 20_000 },
    );
  }

  private async activePath(): Promise<string> {
    return (await this.activeTab.textContent()) ?? '';
  }

  /** Replace the active file's text through the Monaco model (like pasting the whole file). */
  async setText(text: string) {
    const path = await this.activePath();
    await this.ready(path);
    await this.page.evaluate(
      ([p, t]) => {
        const m = window.monaco?.editor
          .getModels()
          .find((x) => x.uri.path.endsWith(`/${p}`) || x.uri.path === p);
        if (!m) throw new Error(`no model for ${p}`);
        m.setValue(t);
      },
      [path, text] as const,
    );
  }

  async text(): Promise<string> {
    const path = await this.activePath();
    return this.page.evaluate((p) => {
      const m = window.monaco?.editor
        .getModels()
        .find((x) => x.uri.path.endsWith(`/${p}`) || x.uri.path === p);
      return m?.getValue() ?? '';
    }, path);
  }

  /** Markers on the active file (from the YAML schema and from kubectl apply). */
  async markers(): Promise<MarkerInfo[]> {
    const path = await this.activePath();
    return this.page.evaluate((p) => {
      const mon = window.monaco;
      const m = mon?.editor.getModels().find((x) => x.uri.path.endsWith(`/${p}`) || x.uri.path === p);
      if (!mon || !m) return [];
      return mon.editor.getModelMarkers({ resource: m.uri }).map((k) => ({
        line: k.startLineNumber,
        column: k.startColumn,
        message: k.message,
        severity: k.severity,
        owner: k.owner,
      }));
    }, path);
  }

  /** Put the cursor at a 1-based line/column of the active file and focus the editor. */
  async setCursor(line: number, column: number) {
    await this.page.evaluate(
      ([l, c]) => {
        const ed = window.monaco?.editor.getEditors()[0];
        ed?.setPosition({ lineNumber: l, column: c });
        ed?.focus();
      },
      [line, column] as const,
    );
  }

  /** Open the completion list at the cursor (Ctrl+Space) and return the labels it shows. */
  async suggestions(): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor();
    return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  }

  /** Show the hover at the cursor (Monaco's "Show Hover" command) and return its text. */
  async hoverText(): Promise<string> {
    await this.page.evaluate(() =>
      window.monaco?.editor.getEditors()[0]?.trigger('e2e', 'editor.action.showHover', {}),
    );
    const hover = this.page.locator('.monaco-hover-content').first();
    await hover.waitFor();
    return (await hover.textContent()) ?? '';
  }

  async waitForMarker(match: (m: MarkerInfo) => boolean): Promise<MarkerInfo> {
    let found: MarkerInfo | undefined;
    await expect
      .poll(async () => {
        found = (await this.markers()).find(match);
        return found !== undefined;
      })
      .toBe(true);
    return found as MarkerInfo;
  }
}

declare global {
  interface Window {
    monaco?: typeof import('monaco-editor/editor/editor.api');
  }
}
