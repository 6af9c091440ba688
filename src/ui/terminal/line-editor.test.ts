import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

describe('LineEditor', () => {
  it('inserts at the cursor and deletes backwards', () => {
    const e = new LineEditor(() => []);
    e.insert('kubectl get pods');
    e.home();
    e.right();
    e.insert('X');
    expect(e.line).toBe('kXubectl get pods');
    e.backspace();
    expect(e.line).toBe('kubectl get pods');
    expect(e.cursor).toBe(1);
  });

  it('browses history with up/down and restores the draft', () => {
    const h = ['kubectl get pods', 'ls'];
    const e = new LineEditor(() => h);
    e.insert('kub');
    e.up();
    expect(e.line).toBe('ls');
    e.up();
    expect(e.line).toBe('kubectl get pods');
    e.up();
    expect(e.line).toBe('kubectl get pods');
    e.down();
    expect(e.line).toBe('ls');
    e.down();
    expect(e.line).toBe('kub');
  });

  it('kills words and lines like bash', () => {
    const e = new LineEditor(() => []);
    e.insert('kubectl get   pods');
    e.killWord();
    expect(e.line).toBe('kubectl get   ');
    e.killWord();
    expect(e.line).toBe('kubectl ');
    e.killToStart();
    expect(e.line).toBe('');
  });

  it('take() returns the line and resets', () => {
    const e = new LineEditor(() => []);
    e.insert('ls');
    expect(e.take()).toBe('ls');
    expect(e.line).toBe('');
    expect(e.cursor).toBe(0);
  });
});
