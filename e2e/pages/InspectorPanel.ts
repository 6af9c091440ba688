// Page object for the inspector: the selected object's views as tabs.
import type { Locator, Page } from '@playwright/test';

export type InspectorTab = 'YAML' | 'Events' | 'iptables-save' | 'resolv.conf' | 'Selector' | 'DNS records';

export class InspectorPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: /^(Inspector|검사기)$/ });
  }
  tab(name: InspectorTab): Locator {
    return this.region.getByRole('tab', { name, exact: true });
  }
  async open(name: InspectorTab) {
    await this.tab(name).click();
  }
  get panel(): Locator {
    return this.region.getByRole('tabpanel');
  }
  get yaml(): Locator {
    return this.region.getByTestId('inspector-yaml');
  }
  get iptables(): Locator {
    return this.region.getByTestId('inspector-iptables');
  }
  get matchedRules(): Locator {
    return this.region.getByTestId('matched-rule');
  }
  get resolvConf(): Locator {
    return this.region.getByTestId('inspector-resolv');
  }
  get dnsRecords(): Locator {
    return this.region.getByTestId('dns-records');
  }
  get selection(): Locator {
    return this.region.getByTestId('inspector-selection');
  }
}
