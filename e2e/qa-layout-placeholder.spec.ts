// The quick actions' target field says what it takes in its placeholder; at 1280×720 the whole
// placeholder is readable in English and in Korean (it was cut: "sleep-2, 10.1.0.24 또는 htt…").
import { expect, type Locator, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

/**
 * The placeholder's text width (its own font, measured on a canvas) and the room inside the field (its
 * content box). A cut placeholder leaves the input's scrollWidth as it is in Chromium: measure the text.
 */
async function placeholderFit(input: Locator) {
  return input.evaluate((el) => {
    const i = el as HTMLInputElement;
    const cs = getComputedStyle(i, '::placeholder');
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const own = getComputedStyle(i);
    const room = i.clientWidth - Number.parseFloat(own.paddingLeft) - Number.parseFloat(own.paddingRight);
    return {
      placeholder: i.placeholder,
      text: Math.ceil(ctx.measureText(i.placeholder).width),
      room: Math.floor(room),
    };
  });
}

for (const lang of ['en', 'ko'] as const) {
  test(`1280×720 (${lang}): the target field's placeholder is not cut`, async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    if (lang === 'ko') {
      await app.languageSelect.selectOption('ko');
      await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
    }
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
    const pod = await app.graph.runningPod('sleep-1');
    await app.graph.select(pod.key);
    const target = app.graph.quickActions.getByRole('textbox', { name: /Target|대상/ });
    await expect(target).toBeVisible();
    // the placeholder still names the three kinds of target: a name (an example), an address, a URL
    await expect(target).toHaveAttribute('placeholder', /^sleep-2, .*IP.*(URL|웹 주소)$/);
    const fit = await placeholderFit(target);
    console.log(lang, JSON.stringify(fit));
    expect(fit.text, `"${fit.placeholder}" fits the field`).toBeLessThanOrEqual(fit.room);
    app.expectClean();
  });
}
