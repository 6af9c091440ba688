// Ctrl-R inside `kubectl exec -it POD -- sh` (line-editing.ts): BusyBox ash's reverse_i_search
// (lineedit.c) in the Alpine and busybox images, the tty's VREPRINT for Debian's dash; bash's
// readline search is the host's (src/ui/terminal/line-editor-isearch.test.ts), over the history of
// the bash it runs in (a Pod's bash keeps its own).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';
import { BusyboxSearch, ttyReprint } from './line-editing';

const HISTORY = ['cat /etc/hosts', 'wget -q -O - sleep-2', 'ls /tmp', 'nslookup sleep-2'];

describe("BusyBox ash's Ctrl-R (lineedit.c reverse_i_search)", () => {
  it("draws (reverse-i-search)'': with plain quotes and leaves the line alone until a key", () => {
    const s = new BusyboxSearch(HISTORY, 'ech', 3);
    expect(s.prompt()).toBe("(reverse-i-search)'': ");
    expect([s.line, s.cursor]).toEqual(['ech', 3]);
  });

  it('finds the string anywhere in older lines, newest first, the cursor on the match', () => {
    const s = new BusyboxSearch(HISTORY, '', 0);
    expect(s.insert('s')).toBe(true);
    expect(s.insert('l')).toBe(true);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'sl': ", 'nslookup sleep-2', 1]);
    // Ctrl-R: the next older line that has it (strstr: the first occurrence in that line).
    expect(s.next()).toBe(true);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'sl': ", 'wget -q -O - sleep-2', 13]);
    // No older match: a beep, and everything stays.
    expect(s.next()).toBe(false);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'sl': ", 'wget -q -O - sleep-2', 13]);
  });

  it('a character that matches nothing is dropped with a beep; there is no "failed" prompt', () => {
    const s = new BusyboxSearch(HISTORY, '', 0);
    s.insert('l');
    s.insert('s');
    expect([s.prompt(), s.line]).toEqual(["(reverse-i-search)'ls': ", 'ls /tmp']);
    expect(s.insert('x')).toBe(false);
    expect([s.prompt(), s.line]).toEqual(["(reverse-i-search)'ls': ", 'ls /tmp']);
    // The next character searches with `ls` + it, not with the rejected x.
    expect(s.insert(' ')).toBe(true);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'ls ': ", 'ls /tmp', 0]);
  });

  it('Backspace searches again from the current line; the prompt is redrawn only on a match', () => {
    const s = new BusyboxSearch(['abc', 'xyz'], '', 0);
    s.insert('a');
    s.insert('b');
    expect([s.prompt(), s.line]).toEqual(["(reverse-i-search)'ab': ", 'abc']);
    expect(s.backspace()).toBe(true);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'a': ", 'abc', 0]);
  });

  it('Ctrl-R with an empty string walks back through history (strstr of "" matches every line)', () => {
    const s = new BusyboxSearch(HISTORY, 'typed', 5);
    expect(s.next()).toBe(true);
    expect([s.prompt(), s.line, s.cursor]).toEqual(["(reverse-i-search)'': ", 'nslookup sleep-2', 0]);
    expect(s.next()).toBe(true);
    expect(s.line).toBe('ls /tmp');
  });

  it('another key ends the search with the found line, the cursor on the match; with none, the line typed', () => {
    const s = new BusyboxSearch(HISTORY, '', 0);
    s.insert('t');
    s.insert('m');
    expect(s.finish()).toEqual({ line: 'ls /tmp', cursor: 4 });
    const none = new BusyboxSearch(HISTORY, 'zzz', 2);
    expect(none.insert('#')).toBe(false);
    expect(none.finish()).toEqual({ line: 'zzz', cursor: 2 });
  });
});

describe("dash's Ctrl-R: canonical mode's VREPRINT", () => {
  it('echoes ^R, CR LF and the pending input (control characters as ^X)', () => {
    expect(ttyReprint('ls')).toBe('^R\r\nls');
    expect(ttyReprint('')).toBe('^R\r\n');
    expect(ttyReprint('a\x01b')).toBe('^R\r\na^Ab');
  });
});

describe('which line editing the session hands the terminal', () => {
  it('none on the host (bash readline), BusyBox in the sleep Pod, the tty in the Debian nginx Pod', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run web --image=nginx');
    d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
    expect(d.session.podLineEditing?.()).toBeUndefined();
    d.sh('kubectl exec -it sl -- sh');
    const bb = d.session.podLineEditing?.();
    expect(bb?.kind).toBe('busybox');
    if (bb?.kind === 'busybox') expect(bb.search('', 0).prompt()).toBe("(reverse-i-search)'': ");
    d.sh('exit');
    expect(d.session.podLineEditing?.()).toBeUndefined();
    d.sh('kubectl exec -it web -- sh');
    const tty = d.session.podLineEditing?.();
    expect(tty?.kind).toBe('tty');
    if (tty?.kind === 'tty') expect(tty.reprint('ls')).toBe('^R\r\nls');
  });
});

describe("ash's own history (lineedit.c load_history / remember_in_history, $HOME/.ash_history)", () => {
  it("keeps the lines typed in the Pod's shell, not the host's, and appends each to /root/.ash_history", () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
    d.sh('kubectl exec -it sl -- sh');
    d.sh('echo one');
    d.sh('echo one');
    d.sh('nslookup kubernetes');
    const pod = d.session.podLineEditing?.();
    expect(pod?.history()).toEqual(['echo one', 'nslookup kubernetes']);
    // Ctrl-R searches it: `kubectl` (typed on the host) is not there.
    if (pod?.kind === 'busybox') {
      const s = pod.search('', 0);
      expect(s.insert('k')).toBe(true);
      expect(s.line).toBe('nslookup kubernetes');
      expect(pod.search('', 0).insert('$')).toBe(false);
    }
    // The line is kept before it runs, so `cat` sees itself.
    d.sh('cat /root/.ash_history');
    expect(d.stdout()).toBe('echo one\nnslookup kubernetes\ncat /root/.ash_history\n');
    d.sh('exit');
    // A later session in the same container loads the file (and the lines of the one before).
    d.sh('kubectl exec -it sl -- sh');
    expect(d.session.podLineEditing?.()?.history()).toEqual([
      'echo one',
      'nslookup kubernetes',
      'cat /root/.ash_history',
      'exit',
    ]);
  });

  it('dash keeps none: no history for the terminal and no file', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run web --image=nginx').advance(60_000);
    d.sh('kubectl exec -it web -- sh');
    d.sh('echo one');
    expect(d.session.podLineEditing?.()?.history()).toEqual([]);
    d.sh('ls -a /root');
    expect(d.stdout()).not.toContain('history');
  });
});

describe("bash's own history in the Debian image (bashhist.c, ~/.bash_history)", () => {
  const nginx = () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run web --image=nginx').advance(60_000);
    return d;
  };

  it('readline edits the line (the terminal searches with Ctrl-R) over the shell history, not the host', () => {
    const d = nginx();
    d.sh('kubectl exec -it web -- bash');
    const ed = d.session.podLineEditing?.();
    expect(ed?.kind).toBe('readline');
    d.sh('echo one');
    d.sh('echo one');
    d.sh(' echo two');
    d.sh('');
    d.sh('   ');
    // Every non-empty line, repeats and leading spaces kept (no HISTCONTROL in Debian's dotfiles).
    expect(ed?.history()).toEqual(['echo one', 'echo one', ' echo two', '   ']);
  });

  it('writes the file only when the shell exits, appending; a later session loads it', () => {
    const d = nginx();
    d.sh('kubectl exec -it web -- bash');
    d.sh('cat ~/.bash_history');
    expect(d.text()).toBe('cat: /root/.bash_history: No such file or directory\n');
    d.sh('exit 0');
    d.kubectl('exec web -- cat /root/.bash_history');
    expect(d.text()).toBe('cat ~/.bash_history\nexit 0\n');
    d.sh('kubectl exec -it web -- bash');
    expect(d.session.podLineEditing?.()?.history()).toEqual(['cat ~/.bash_history', 'exit 0']);
    d.sh('true');
    d.sh('exit');
    d.kubectl('exec web -- cat /root/.bash_history');
    expect(d.text()).toBe('cat ~/.bash_history\nexit 0\ntrue\nexit\n');
  });

  it('keeps the last 500 lines (HISTSIZE / HISTFILESIZE default), in memory and in the file', () => {
    const d = nginx();
    d.sh('kubectl exec -it web -- bash');
    for (let i = 1; i <= 502; i++) d.sh(`: ${i}`);
    const h = d.session.podLineEditing?.()?.history() ?? [];
    expect([h.length, h[0], h[499]]).toEqual([500, ': 3', ': 502']);
    d.sh('exit');
    d.kubectl('exec web -- sh -c "wc -l < /root/.bash_history; head -n 1 /root/.bash_history"');
    expect(d.text()).toBe('500\n: 4\n');
  });
});
