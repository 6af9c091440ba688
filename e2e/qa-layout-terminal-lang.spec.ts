// The terminal's welcome line follows the language the student picks before using the terminal (it is
// all the screen shows then); once a command has run, what is printed stays as printed, as in any
// terminal, and a later switch changes the labels only.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

const HELP_EN = 'Type kubectl commands. Tab completes, ↑/↓ for history, Ctrl+C stops, Ctrl+L clears.';
const HELP_KO = 'kubectl 명령을 입력하세요. Tab 자동완성, ↑/↓ 기록, Ctrl+C 중지, Ctrl+L 화면 지우기.';
const PROMPT = 'student@playground:~/ch03$ ';

test('switching to Korean before the first command reprints the welcome in Korean, keeping the half-typed line', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.ready();
  expect(await app.terminal.text()).toBe(`${HELP_EN}\n${PROMPT}`);
  await app.terminal.focus();
  await page.keyboard.type('kubectl get po');

  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  await expect.poll(() => app.terminal.text()).toBe(`${HELP_KO}\n${PROMPT}kubectl get po`);
  // the line goes on where it was: finished and run, its output under it
  await app.terminal.focus();
  await page.keyboard.type('ds');
  await page.keyboard.press('Enter');
  await app.terminal.waitForText(/kubectl get pods\nNo resources found in default namespace\.\n/);

  // used now: a switch back to English leaves the screen as printed
  const used = await app.terminal.text();
  await app.languageSelect.selectOption('en');
  await expect(app.heading).not.toHaveText('쿠버네티스 서비스 놀이터');
  await expect(app.terminal.input).toHaveAttribute('aria-label', 'Terminal input');
  expect(await app.terminal.text()).toBe(used);
  expect(used.startsWith(`${HELP_KO}\n`)).toBe(true);
  app.expectClean();
});

test('back and forth before any command: one welcome, in the language chosen last; after Ctrl+L it stays cleared', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.ready();
  await app.languageSelect.selectOption('ko');
  await expect.poll(() => app.terminal.text()).toBe(`${HELP_KO}\n${PROMPT}`);
  await app.languageSelect.selectOption('en');
  await expect.poll(() => app.terminal.text()).toBe(`${HELP_EN}\n${PROMPT}`);
  // a clear screen is the student's doing: the welcome is not brought back
  await app.terminal.press('Control+l');
  await expect.poll(() => app.terminal.text()).toBe(PROMPT);
  await app.languageSelect.selectOption('ko');
  await expect(app.terminal.input).toHaveAttribute('aria-label', '터미널 입력');
  expect(await app.terminal.text()).toBe(PROMPT);
  app.expectClean();
});
