// The playground's chapter files must match the book's (same names, kinds, labels, images,
// ports). The book's copies are test data in ../shared; skip visibly when they are absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CH03_FILES } from './index';

const BOOK = join(__dirname, '../../../../shared/kiamol-ch03');
const yamlFiles = Object.keys(CH03_FILES).filter((p) => /\.ya?ml$/.test(p));

describe('built-in chapter files', () => {
  it('numbers/rng is exactly 42 with no newline', () => {
    expect(CH03_FILES['numbers/rng']).toBe('42');
  });
  it('every YAML file parses', () => {
    for (const p of yamlFiles) expect(loadAll(CH03_FILES[p] as string).length, p).toBeGreaterThan(0);
  });
});

describe.skipIf(!existsSync(BOOK))(`chapter files match the book's copies in ${BOOK}`, () => {
  it.each(yamlFiles)('%s', (p) => {
    const ours = loadAll(CH03_FILES[p] as string);
    const book = loadAll(readFileSync(join(BOOK, p), 'utf8'));
    expect(ours).toEqual(book);
  });
  it('lab/README.md exists in both and names deployments.yaml', () => {
    expect(existsSync(join(BOOK, 'lab/README.md'))).toBe(true);
    expect(CH03_FILES['lab/README.md']).toContain('kubectl apply -f deployments.yaml');
  });
  it('every book manifest has a playground copy', () => {
    const dirs = ['sleep', 'numbers', 'numbers-services', 'lab'];
    const book = dirs.flatMap((d) =>
      readdirSync(join(BOOK, d))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${d}/${f}`),
    );
    expect(yamlFiles.sort()).toEqual(book.sort());
  });
});
