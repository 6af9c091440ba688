// Page object for the whole playground: toolbar, notice, panels; also guards every test against console
// errors and requests leaving the page's origin. Specs use these objects, never raw CSS selectors.
import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPanel } from './EditorPanel';
import { GraphPanel } from './GraphPanel';
import { TerminalPanel } from './TerminalPanel';

/** The preview server's origin (playwright.config.ts; PW_PORT overrides the port). */
const ORIGIN = `http://127.0.0.1:${process.env.PW_PORT ?? 4173}`;

export type PanelName = 'Editor' | 'Cluster graph' | 'Terminal' | 'Inspector' | 'Browser';

export class PlaygroundPage {
  readonly editor: EditorPanel;
  readonly terminal: TerminalPanel;
  readonly graph: GraphPanel;
  readonly consoleErrors: string[] = [];
  readonly offOriginRequests: string[] = [];

  constructor(readonly page: Page) {
    this.editor = new EditorPanel(page);
    this.terminal = new TerminalPanel(page);
    this.graph = new GraphPanel(page);
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => this.consoleErrors.push(`pageerror: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (!url.startsWith(`${ORIGIN}/`)) this.offOriginRequests.push(url);
    });
  }

  /** Open the playground (each test has a fresh browser context, so nothing is saved yet). */
  async goto(opts: { reducedMotion?: boolean } = {}) {
    if (opts.reducedMotion) await this.page.emulateMedia({ reducedMotion: 'reduce' });
    await this.page.goto('./');
    await this.ready();
  }

  /** The page is usable: the terminal session is loaded and any saved playground restored. */
  async ready() {
    await expect(this.applyButton).toBeEnabled();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  private seeded = 0;

  /**
   * Reload with raw text in the saved-state slot, as an old version or a broken write would leave it.
   * Written by an init script before the app runs (the page saves its own state when it unloads).
   */
  async reloadWithSaved(raw: string) {
    const flag = `__seeded_${++this.seeded}`;
    await this.page.addInitScript(
      ([f, r]) => {
        if (sessionStorage.getItem(f)) return;
        sessionStorage.setItem(f, '1');
        localStorage.setItem('k8s-service-playground', r);
      },
      [flag, raw] as const,
    );
    await this.reload();
  }

  async savedState(): Promise<unknown> {
    return this.page.evaluate(() => JSON.parse(localStorage.getItem('k8s-service-playground') ?? 'null'));
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  get applyButton(): Locator {
    return this.page.getByRole('button', { name: /^(▶▶ )?(Apply|적용)$/ });
  }
  get playPause(): Locator {
    return this.page.getByTestId('play-pause');
  }
  get stepButton(): Locator {
    return this.page.getByRole('button', { name: /Step|한 단계/ });
  }
  get simTime(): Locator {
    return this.page.getByTestId('sim-time');
  }
  get seedInput(): Locator {
    return this.page.getByRole('textbox', { name: /^(Seed|시드)$/ });
  }
  get profileSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(Cluster|클러스터)$/ });
  }
  get proxySelect(): Locator {
    return this.page.getByRole('combobox', { name: /kube-proxy/ });
  }
  get languageSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(Language|언어)$/ });
  }
  get largeTextToggle(): Locator {
    return this.page.getByRole('checkbox', { name: /Large text|큰 글씨/ });
  }
  get notice(): Locator {
    return this.page.getByTestId('notice');
  }
  get dismissNotice(): Locator {
    return this.notice.getByRole('button');
  }
  panel(name: PanelName): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
  panelToggle(name: PanelName): Locator {
    return this.page
      .getByRole('button', { name: new RegExp(`${name}$`) })
      .and(this.page.locator('[aria-pressed]'));
  }

  async pause() {
    if ((await this.playPause.getAttribute('aria-pressed')) === 'false') await this.playPause.click();
    await expect(this.playPause).toHaveAttribute('aria-pressed', 'true');
  }

  async setSeed(seed: number) {
    await this.seedInput.fill(String(seed));
    await this.page.getByRole('button', { name: /Set seed|시드 설정/ }).click();
  }

  /** Assert the page logged no errors and made no request outside its origin. */
  expectClean() {
    expect(this.consoleErrors, 'console errors').toEqual([]);
    expect(this.offOriginRequests, 'requests leaving the origin').toEqual([]);
  }
}
