// The YAML language server's problem messages (monaco-yaml 5.5.1's worker, yaml-language-server 1.23)
// in Korean, keyed by the English template; `{0}` is what the server fills in (a property name, a
// type, a number), kept as it is. VS Code's YAML extension shows these in the display language since
// yaml-language-server 1.19 (its l10n bundles); monaco-yaml's worker takes no locale (its vscode-nls
// filler returns the English), so monaco-setup.ts translates the markers it sets. The YAML parser's
// own syntax errors (e.g. "Implicit keys need to be on a single line") have no template here and
// stay English, as they do in VS Code. Loaded with the Korean UI only.
export const YAML_LS_KO: Readonly<Record<string, string>> = {
  'Property {0} is not allowed.': '속성 {0}은(는) 허용되지 않습니다.',
  'Missing property "{0}".': '속성 "{0}"이(가) 없습니다.',
  'Incorrect type. Expected "{0}".': '유형이 잘못되었습니다. "{0}"이어야 합니다.',
  'Incorrect type. Expected one of {0}.': '유형이 잘못되었습니다. {0} 중 하나여야 합니다.',
  'Value is not accepted. Valid values: {0}.': '허용되지 않는 값입니다. 가능한 값: {0}.',
  'Value must be {0}.': '값은 {0}이어야 합니다.',
  'Value is below the minimum of {0}.': '값이 최솟값 {0}보다 작습니다.',
  'Value is above the maximum of {0}.': '값이 최댓값 {0}보다 큽니다.',
  'Value is below the exclusive minimum of {0}.': '값은 {0}보다 커야 합니다.',
  'Value is above the exclusive maximum of {0}.': '값은 {0}보다 작아야 합니다.',
  'Value is not divisible by {0}.': '값이 {0}(으)로 나누어떨어지지 않습니다.',
  'Array has too few items. Expected {0} or more.': '배열 항목이 너무 적습니다. {0}개 이상이어야 합니다.',
  'Array has too many items. Expected {0} or fewer.': '배열 항목이 너무 많습니다. {0}개 이하여야 합니다.',
  'Array has too many items according to schema. Expected {0} or fewer.':
    '스키마가 허용하는 것보다 배열 항목이 많습니다. {0}개 이하여야 합니다.',
  'Array has too few items matching "contains". Expected {0} or more.':
    '"contains"에 맞는 배열 항목이 너무 적습니다. {0}개 이상이어야 합니다.',
  'Array has too many items matching "contains". Expected {0} or fewer.':
    '"contains"에 맞는 배열 항목이 너무 많습니다. {0}개 이하여야 합니다.',
  'Array has duplicate items.': '배열에 중복된 항목이 있습니다.',
  'Array does not contain required item.': '배열에 꼭 있어야 하는 항목이 없습니다.',
  'String is shorter than the minimum length of {0}.': '문자열이 최소 길이 {0}보다 짧습니다.',
  'String is longer than the maximum length of {0}.': '문자열이 최대 길이 {0}보다 깁니다.',
  'String does not match the pattern of "{0}".': '문자열이 패턴 "{0}"과(와) 맞지 않습니다.',
  'Matches a schema that is not allowed.': '허용되지 않는 스키마와 일치합니다.',
  'Matches multiple schemas when only one must validate.':
    '스키마 하나와만 일치해야 하는데 여러 스키마와 일치합니다.',
  'Object is missing property {0} required by property {1}.': '속성 {1}에 필요한 속성 {0}이(가) 없습니다.',
  'Object has more properties than limit of {0}.': '객체의 속성이 한도인 {0}개보다 많습니다.',
  'Object has fewer properties than the required number of {0}': '객체의 속성이 필요한 {0}개보다 적습니다',
  'String is not a RFC3339 date-time.': '문자열이 RFC3339 날짜-시간이 아닙니다.',
  'String is not a RFC3339 date.': '문자열이 RFC3339 날짜가 아닙니다.',
  'String is not a RFC3339 time.': '문자열이 RFC3339 시간이 아닙니다.',
  'String is not an e-mail address.': '문자열이 이메일 주소가 아닙니다.',
  'String does not match IPv4 format.': '문자열이 IPv4 형식이 아닙니다.',
  'String does not match IPv6 format.': '문자열이 IPv6 형식이 아닙니다.',
  'String is not a URI: {0}': '문자열이 URI가 아닙니다: {0}',
  'URI expected.': 'URI가 필요합니다.',
  'URI is expected.': 'URI가 필요합니다.',
  'URI with a scheme is expected.': '스킴이 있는 URI가 필요합니다.',
};

const escapeRe = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** Each template as a pattern over a whole message, with its `{N}` holes captured. */
const PATTERNS = Object.entries(YAML_LS_KO).map(([en, ko]) => {
  const holes: number[] = [];
  const source = escapeRe(en).replace(/\\?\{(\d+)\\?\}/g, (_, n: string) => {
    holes.push(Number(n));
    return '(.+?)';
  });
  return { re: new RegExp(`^${source}$`, 's'), holes, ko };
});

/** A language server message in Korean, or unchanged when no template matches it. */
export function yamlMessageKo(message: string): string {
  for (const p of PATTERNS) {
    const m = p.re.exec(message);
    if (!m) continue;
    const args = new Map(p.holes.map((n, i) => [n, m[i + 1] ?? '']));
    return p.ko.replace(/\{(\d+)\}/g, (h, n: string) => args.get(Number(n)) ?? h);
  }
  return message;
}

/**
 * The language server's own words in a hover (markdown; yaml-language-server's yamlHover.ts): the
 * headings before the allowed values and examples, and the schema's source line.
 */
export function yamlHoverKo(markdown: string): string {
  return markdown
    .replace(/^Allowed Values:$/gm, '허용되는 값:')
    .replace(/^Example:$/gm, '예:')
    .replace(/^Source: \[/gm, '출처: [');
}
