// Ctrl-R reverse-i-search as GNU readline draws and runs it (lib/readline/isearch.c): the prompt is
// replaced by "(reverse-i-search)`QUERY': " and the line shown is the match, the cursor on it.
import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

const HISTORY = ['kubectl get pods', 'kubectl apply -f sleep/sleep.yaml', 'kubectl get svc', 'ls'];

// "(reverse-i-search)`" is 19 cells and "': " 3: the line starts at 22 + the search string's length.

/** What the terminal draws: the search prompt (or the shell's `$ `), the line, and where the cursor is. */
function screen(e: LineEditor): { text: string; cursor: number } {
  const p = e.searchPrompt() ?? '$ ';
  return { text: p + e.line, cursor: p.length + e.cursor };
}

function typed(history: readonly string[] = HISTORY, line = '') {
  const e = new LineEditor(() => history);
  e.insert(line);
  return e;
}

describe('LineEditor: Ctrl-R reverse-i-search', () => {
  it('Ctrl-R shows the empty search over the line being typed', () => {
    const e = typed(HISTORY, 'kub');
    e.reverseSearch();
    expect(e.searching).toBe(true);
    expect(screen(e)).toEqual({ text: "(reverse-i-search)`': kub", cursor: 25 });
  });

  it('typing extends the search string; the newest match is shown with the cursor on it', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('g');
    expect(screen(e).text).toBe("(reverse-i-search)`g': kubectl get svc");
    e.searchInsert('et');
    expect(screen(e)).toEqual({ text: "(reverse-i-search)`get': kubectl get svc", cursor: 25 + 8 });
  });

  it('Ctrl-R again finds the next older match, then fails with the last match still shown', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('get');
    e.reverseSearch();
    expect(screen(e).text).toBe("(reverse-i-search)`get': kubectl get pods");
    e.reverseSearch();
    expect(screen(e).text).toBe("(failed reverse-i-search)`get': kubectl get pods");
  });

  it('Ctrl-R again also finds an earlier match in the same line', () => {
    const e = typed(['kubectl get pods; kubectl get svc']);
    e.reverseSearch();
    e.searchInsert('get');
    expect(e.cursor).toBe(26);
    e.reverseSearch();
    expect(screen(e)).toEqual({
      text: "(reverse-i-search)`get': kubectl get pods; kubectl get svc",
      cursor: 25 + 8,
    });
  });

  it('copies of the line just found are skipped', () => {
    const e = typed(['kubectl get pods', 'ls', 'kubectl get pods']);
    e.reverseSearch();
    e.searchInsert('pods');
    e.reverseSearch();
    expect(screen(e).text).toBe("(failed reverse-i-search)`pods': kubectl get pods");
  });

  it('a string nowhere in the history fails over the line being typed', () => {
    const e = typed(HISTORY, 'kub');
    e.reverseSearch();
    e.searchInsert('zzz');
    expect(screen(e).text).toBe("(failed reverse-i-search)`zzz': kub");
  });

  it('Backspace shortens the search string and searches again from the match', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('svc');
    e.searchBackspace();
    expect(screen(e)).toEqual({ text: "(reverse-i-search)`sv': kubectl get svc", cursor: 24 + 12 });
    e.searchBackspace();
    e.searchBackspace();
    // An empty search string is a failed search; the line shown stays.
    expect(screen(e).text).toBe("(failed reverse-i-search)`': kubectl get svc");
    e.searchBackspace();
    expect(screen(e).text).toBe("(failed reverse-i-search)`': kubectl get svc");
  });

  it('Backspace after a failure searches on from the oldest line tried (readline keeps no undo stack)', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('getx');
    expect(screen(e).text).toBe("(failed reverse-i-search)`getx': kubectl get svc");
    e.searchBackspace();
    expect(screen(e).text).toBe("(reverse-i-search)`get': kubectl get pods");
  });

  it('Enter: the match is the line taken', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('apply');
    e.searchAccept(); // the panel accepts, then runs Enter as usual
    expect(e.searching).toBe(false);
    expect(e.take()).toBe('kubectl apply -f sleep/sleep.yaml');
  });

  it('Esc / Ctrl-J: the match stays to edit, cursor on the match, shell prompt back', () => {
    const e = typed(HISTORY, 'draft');
    e.reverseSearch();
    e.searchInsert('svc');
    e.searchAccept();
    expect(screen(e)).toEqual({ text: '$ kubectl get svc', cursor: 2 + 12 });
    e.insert('X');
    expect(e.line).toBe('kubectl get Xsvc');
  });

  it('an arrow key accepts and then moves: ← from the match, ↑/↓ browse history from the found line', () => {
    const e = typed(HISTORY, 'draft');
    e.reverseSearch();
    e.searchInsert('get s');
    e.searchAccept();
    e.left();
    expect(screen(e)).toEqual({ text: '$ kubectl get svc', cursor: 2 + 7 });
    e.up();
    expect(e.line).toBe('kubectl apply -f sleep/sleep.yaml');
    e.down();
    e.down();
    expect(e.line).toBe('ls');
    e.down();
    expect(e.line).toBe('draft');
  });

  it('Ctrl-G / Ctrl-C put back the line and cursor the search started from', () => {
    const e = typed(HISTORY, 'kubectl x');
    e.left();
    e.reverseSearch();
    e.searchInsert('apply');
    expect(screen(e).text).toBe("(reverse-i-search)`apply': kubectl apply -f sleep/sleep.yaml");
    e.searchCancel();
    expect(e.searching).toBe(false);
    expect(screen(e)).toEqual({ text: '$ kubectl x', cursor: 2 + 8 });
  });

  it('Ctrl-R on an empty search string searches for the last accepted one', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('get');
    e.searchAccept();
    e.take();
    e.reverseSearch();
    e.reverseSearch();
    expect(screen(e).text).toBe("(reverse-i-search)`get': kubectl get svc");
  });

  it('Ctrl-W adds the word after the match to the search string, Ctrl-Y the rest of the line', () => {
    const e = typed();
    e.reverseSearch();
    e.searchInsert('app');
    e.searchYank(false);
    expect(screen(e).text).toBe("(reverse-i-search)`apply': kubectl apply -f sleep/sleep.yaml");
    e.searchYank(true);
    expect(e.searchPrompt()).toBe("(reverse-i-search)`apply -f sleep/sleep.yaml': ");
  });
});
