// Page object for the terminal: type like a person (click, keyboard, Enter) and read what the screen
// shows (xterm's buffer, through the panel's test hook).
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The terminal reveals a command's output at its simulated pace (clock speed 1 in these tests): a
 * `ping -c 1` that nothing answers prints its statistics after busybox's 10 s wait.
 */
const REVEAL_WAIT = { timeout: 25_000 };

export class TerminalPanel {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByRole('textbox', { name: /Terminal input|터미널 입력/ });
  }

  async ready() {
    await expect(this.input).toBeAttached();
    await expect.poll(() => this.text()).toContain('$ ');
  }

  async focus() {
    await this.ready();
    await this.input.focus();
  }

  /** Type a line and press Enter. */
  async run(line: string) {
    await this.focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async press(key: string) {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /** Everything the terminal shows, lines joined by \n (trailing blanks trimmed). */
  async text(): Promise<string> {
    return this.page.evaluate(() => window.__playgroundTerminal?.text() ?? '');
  }

  /** The terminal's width in columns (xterm re-fits it to its panel). */
  async columns(): Promise<number> {
    return this.page.evaluate(() => window.__playgroundTerminal?.cols() ?? 0);
  }

  /** Run a command and return the text printed after it, once the next prompt appears. */
  async runAndRead(line: string): Promise<string> {
    const before = await this.text();
    await this.run(line);
    let out = '';
    await expect
      .poll(async () => {
        const now = await this.text();
        const start = now.lastIndexOf(line, now.length);
        if (start < 0 || now.length <= before.length) return false;
        const rest = now.slice(start + line.length);
        const nl = rest.indexOf('\n');
        const prompt = rest.lastIndexOf('$ ');
        if (nl < 0 || prompt <= nl) return false;
        out = rest.slice(nl + 1, rest.lastIndexOf('\n', prompt) + 1);
        return true;
      }, REVEAL_WAIT)
      .toBe(true);
    return out;
  }

  async waitForText(text: string | RegExp) {
    await expect
      .poll(() => this.text(), REVEAL_WAIT)
      .toMatch(typeof text === 'string' ? new RegExp(escapeRe(text)) : text);
  }
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

declare global {
  interface Window {
    __playgroundTerminal?: { text(): string; cols(): number };
  }
}
