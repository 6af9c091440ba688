// The chapter's key moment in Korean (QA pass, Korean UI in Chromium): a student applies the sleep
// Deployments and the sleep-2 Service from the editor, pings the Service name from sleep-1, and reads
// in the packet list why nothing answers: the hop kinds, the step explanations and the verdict are
// Korean, while kubectl's BusyBox output in the terminal stays exactly what the real ping prints.
// The graph's screen-reader text is Korean too and says only what the graph allows.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('ping sleep-2 in the Korean UI: the packet list explains it in Korean, BusyBox stays English', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');

  for (const file of ['sleep/sleep1.yaml', 'sleep/sleep2.yaml', 'sleep/sleep2-service.yaml']) {
    await app.editor.open(file);
    await app.applyButton.click();
    await app.terminal.waitForText(`$ kubectl apply -f ${file}\n`);
  }
  await expect(app.editor.result).toContainText('service/sleep-2 created');
  await app.graph.runningPod('sleep-1');
  await app.graph.runningPod('sleep-2');

  const out = await app.terminal.runAndRead('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  const ip = out.match(/^PING sleep-2 \((10\.\d+\.\d+\.\d+)\)/)?.[1] ?? '';
  // exactly what BusyBox ping and kubectl exec print, whatever the page's language
  expect(out).toBe(
    `PING sleep-2 (${ip}): 56 data bytes\n\n--- sleep-2 ping statistics ---\n` +
      '1 packets transmitted, 0 packets received, 100% packet loss\ncommand terminated with exit code 1\n',
  );
  expect(ip).not.toBe('');

  // the packet list: hop kinds and explanations in Korean, notation (DNS question, addresses) as is
  const list = app.graph.hopList;
  await expect(app.graph.verdict).toBeVisible({ timeout: 20_000 });
  await expect(list).toContainText('DNS 질의');
  await expect(list).toContainText('A? sleep-2.default.svc.cluster.local');
  await expect(app.graph.hops.filter({ hasText: '규칙 없음' })).toContainText('ICMP에 맞는 규칙 없음');
  await expect(app.graph.hops.filter({ hasText: '버려짐' })).toContainText(`${ip}을(를) 가진 곳 없음`);
  await expect(app.graph.verdict).toHaveText(
    `결과: 응답 없음 — ClusterIP로 보낸 ICMP는 어떤 kube-proxy 규칙과도 일치하지 않고 ${ip}을(를) 가진 인터페이스도 없어서, 아무도 응답하지 않습니다`,
  );
  await expect(app.graph.callout).toContainText('아무도 응답하지 않습니다');
  for (const english of ['no rule matches ICMP', 'nobody owns', 'nothing answers', 'no-rule', 'send']) {
    await expect(list).not.toContainText(english);
    await expect(app.graph.callout).not.toContainText(english);
  }
  // the labels drawn on the graph are the same Korean explanations
  await expect(app.graph.hopLabels.filter({ hasText: 'ICMP에 맞는 규칙 없음' })).toHaveCount(1);

  // the terminal is untouched by the language: BusyBox's own lines, nothing translated in them
  expect(out).not.toMatch(/[가-힣]/);
  expect(await app.terminal.text()).toContain(`kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2\n${out}`);

  // screen-reader text: catalogue labels, nothing about moving or deleting
  await expect(app.graph.node('Deployment/default/sleep-1')).toHaveAttribute(
    'aria-label',
    'Deployment sleep-1',
  );
  await expect(app.graph.node('Service/default/sleep-2')).toHaveAttribute('aria-label', 'Service sleep-2');
  await expect(app.graph.node('kube-proxy/docker-desktop')).toHaveAttribute(
    'aria-label',
    'docker-desktop의 kube-proxy',
  );
  const described = app.graph.region.locator('[id^="react-flow__node-desc"], [id^="react-flow__edge-desc"]');
  await expect(described).toHaveText([
    'Enter 또는 Space 키로 이 객체를 선택해 검사기에서 봅니다.',
    '선은 객체 사이의 관계를 보여 줍니다. 선택하거나 지울 수 없습니다.',
  ]);
  const edgeLabels = await app.graph.region
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(edgeLabels.length).toBeGreaterThan(0);
  expect(edgeLabels.filter((l) => /^Edge from|[A-Z][a-z]+\/default\//.test(l))).toEqual([]);
  expect(
    edgeLabels.filter((l) => /^Service sleep-2이\(가\) Pod sleep-2-\S+을\(를\) 선택함$/.test(l)),
  ).toHaveLength(1);
  app.expectClean();
});

/** Text as xterm shows it: a tab moves to the next multiple of 8 columns, the cells between blank. */
const tabbed = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/([^\t]*)\t/g, (_, head: string) => head + ' '.repeat(8 - (head.length % 8))))
    .join('\n');

test("chapter 3.5's nslookup in the Korean UI: the lookup is explained in Korean, BusyBox's lines stay as they are", async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f numbers/api.yaml -f numbers/api-service.yaml',
  );
  await app.graph.runningPod('sleep-1');
  const ip = (
    await app.terminal.runAndRead("kubectl get svc numbers-api -o jsonpath='{.spec.clusterIP}'")
  ).trim();
  expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);

  const name = 'numbers-api.default.svc.cluster.local';
  const out = await app.terminal.runAndRead(
    `kubectl exec deploy/sleep-1 -- sh -c 'nslookup ${name} | grep "^[^*]"'`,
  );
  // exactly the four lines BusyBox nslookup leaves through grep (its tabs drawn as xterm draws them)
  expect(out).toBe(
    tabbed(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\nName:\t${name}\nAddress: ${ip}\n`),
  );
  expect(out).not.toMatch(/[가-힣]/);

  // the packet list: the questions and records as notation, the empty AAAA answer and the verdict in Korean
  const list = app.graph.hopList;
  await expect(app.graph.verdict).toBeVisible({ timeout: 20_000 });
  await expect(list).toContainText(`A? ${name}`);
  await expect(list).toContainText(`A ${ip}`);
  await expect(app.graph.hops.filter({ hasText: `AAAA? ${name}` })).toContainText('DNS 질의');
  await expect(app.graph.hops.filter({ hasText: 'AAAA 레코드 없음' })).toContainText(
    `DNS 응답 ${name}: AAAA 레코드 없음`,
  );
  const said = `10.96.0.10에 DNS 질의를 2번 보내 ${name}의 답을 얻었습니다`;
  await expect(app.graph.verdict).toHaveText(`결과: 전달됨 — ${said}`);
  await expect(app.graph.callout).toContainText(said);
  for (const english of ['resolved after', 'DNS queries', 'no AAAA records', 'dns-query', 'dns-answer']) {
    await expect(list).not.toContainText(english);
    await expect(app.graph.callout).not.toContainText(english);
  }
  expect(await app.terminal.text()).toContain(`grep "^[^*]"'\n${out}`);
  app.expectClean();
});
