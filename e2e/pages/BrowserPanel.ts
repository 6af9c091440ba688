// Page object for the browser pane: address bar, the numbers-web page, the error page.
import type { Locator, Page } from '@playwright/test';

export class BrowserPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: /^(Browser|브라우저)$/ });
  }
  get address(): Locator {
    return this.region.getByRole('textbox', { name: /^(Address|주소)$/ });
  }
  async open(url: string) {
    await this.address.fill(url);
    await this.region.getByRole('button', { name: /^(Open|열기)$/ }).click();
  }
  get goButton(): Locator {
    return this.region.getByRole('button', { name: 'Go!' });
  }
  get heading(): Locator {
    return this.region.getByRole('heading', { name: 'KIAMOL Random Number Generator' });
  }
  /** `Here it is: 42` or `RNG service unavailable!`. */
  get result(): Locator {
    return this.region.getByTestId('numbers-web-result');
  }
  get error(): Locator {
    return this.region.getByTestId('browser-error');
  }
}
