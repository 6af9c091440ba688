// The browser pane in the Korean UI (chapter 3.3 before and after `kubectl port-forward`): its chrome
// (panel name, address bar, buttons, the empty state) and its error page — Chrome's heading, then why
// the connection failed — come from the catalogue in Korean, with no English prose left; the page the
// app serves once the port-forward runs (numbers-web's form, `RNG service unavailable!` while the
// numbers-api Service is missing) is shown exactly as the app writes it, and the terminal's kubectl
// lines stay English.
import { expect, test } from '@playwright/test';
import { BrowserPanel } from './pages/BrowserPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** Latin words left in a text once its notation (addresses, names) is taken out. */
const latin = (text: string, ...notation: string[]) =>
  notation.reduce((t, n) => t.split(n).join(' '), text).match(/[A-Za-z]+/g) ?? [];

test('numbers-web in the Korean UI: refused and unresolvable explained in Korean, the app page unchanged', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  const browser = new BrowserPanel(page);
  await app.goto();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  // the Deployments only: no numbers-api Service, no numbers-web Service
  await app.terminal.runAndRead('kubectl apply -f numbers/api.yaml -f numbers/web.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=numbers-web --timeout=120s');

  await page
    .getByRole('button', { name: /브라우저$/ })
    .and(page.locator('[aria-pressed]'))
    .click();
  const pane = page.getByRole('region', { name: '브라우저', exact: true });
  await expect(pane).toBeVisible();
  // the chrome before any request: the empty state, the address bar, the buttons
  await expect(pane.locator('.browser-hint')).toHaveText(
    'kubectl port-forward 후 http://localhost:8080 또는 LoadBalancer / NodePort 주소를 여세요.',
  );
  await expect(pane.getByRole('textbox', { name: '주소', exact: true })).toHaveValue('http://localhost:8080');
  await expect(pane.getByRole('button', { name: '열기', exact: true })).toBeVisible();
  const reload = pane.getByRole('button', { name: '새로 고침 (마지막 요청 반복)', exact: true });
  await expect(reload).toBeDisabled();
  await expect(reload).toHaveAttribute('title', '새로 고침 (마지막 요청 반복)');

  // before the port-forward nothing on the student's machine listens on 8080 (no LoadBalancer either)
  await browser.open('http://localhost:8080');
  await expect(browser.error.getByRole('heading')).toHaveText('사이트에 연결할 수 없음');
  const reason = pane.getByTestId('browser-error-reason');
  await expect(reason).toHaveText('내 컴퓨터에는 localhost:8080에서 수신 대기하는 것이 없습니다');
  expect(latin((await browser.error.textContent()) ?? '', 'localhost:8080')).toEqual([]);
  // Reload repeats the request: the same Korean explanation
  await expect(reload).toBeEnabled();
  await reload.click();
  await expect(reason).toHaveText('내 컴퓨터에는 localhost:8080에서 수신 대기하는 것이 없습니다');

  // a cluster name does not resolve on the student's machine: the HTTP client's own words, in Korean
  await browser.open('numbers-web');
  await expect(browser.address).toHaveValue('http://numbers-web');
  await expect(reason).toHaveText('호스트 numbers-web의 주소를 찾을 수 없습니다');
  expect(latin((await browser.error.textContent()) ?? '', 'numbers-web')).toEqual([]);

  // with the port-forward running the page is the app's own, word for word
  await app.terminal.run('kubectl port-forward deploy/numbers-web 8080:80');
  await app.terminal.waitForText('Forwarding from 127.0.0.1:8080 -> 80');
  await browser.open('http://localhost:8080');
  await expect(browser.error).toHaveCount(0);
  await expect(browser.heading).toBeVisible();
  await expect(pane.getByTestId('numbers-web-page')).toContainText('Get a random number');
  await expect(browser.goButton).toHaveValue('Go!');
  await browser.goButton.click();
  // numbers-web cannot find numbers-api (no Service yet): its own error text, not translated
  await expect(browser.result).toHaveText('RNG service unavailable!');
  await expect(pane.getByTestId('numbers-web-page')).not.toContainText(/[가-힣]/);
  await app.terminal.waitForText('Handling connection for 8080');
  expect(await app.terminal.text()).not.toMatch(/Handling connection for 8080[^\n]*[가-힣]/);
  app.expectClean();
});
