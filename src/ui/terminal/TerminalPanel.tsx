// The terminal: @xterm/xterm running the kubectl session from the core. Line editing, history,
// tab completion, Ctrl-C (ends a foreground job such as port-forward), Ctrl-L / `clear`, copy and paste.
// Lazy-loaded (xterm is ~85 KiB gzip) so the first paint does not wait for it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { OutputChunk } from '../../state/core-types';
import { useStore } from '../../state/store';
import { translate, useT } from '../i18n';
import { LineEditor } from './line-editor';

/** e2e / benchmark hook: the text the terminal shows (its buffer), read the way a person reads the screen. */
declare global {
  interface Window {
    __playgroundTerminal?: { text(): string };
  }
}

const toCrlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export default function TerminalPanel() {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  // Screen readers get the last command's output through a polite live region (the canvas is silent).
  const [live, setLive] = useState('');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const term = new Terminal({
      convertEol: false,
      cursorBlink: !reduced,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace',
      fontSize: document.documentElement.classList.contains('large-text') ? 18 : 14,
      scrollback: 5000,
      theme: {
        background: '#10151c',
        foreground: '#e6edf3',
        cursor: '#e6edf3',
        selectionBackground: '#3a5a8c',
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    const label = () => translate(useStore.getState().lang, 'terminalInput');
    term.textarea?.setAttribute('aria-label', label());
    term.textarea?.setAttribute('data-testid', 'terminal-input');
    const safeFit = () => {
      try {
        if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
      } catch {
        /* not laid out yet */
      }
    };
    safeFit();
    const ro = new ResizeObserver(safeFit);
    ro.observe(el);

    const editor = new LineEditor(() => useStore.getState().history);
    const prompt = () => useStore.getState().core.session.prompt();
    // Redraw the prompt line: back to column 0, prompt, line, clear to end, then put the cursor back.
    const redraw = () => {
      const back = editor.line.length - editor.cursor;
      term.write(`\r${prompt()}${editor.line}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`);
    };
    const print = (chunks: readonly OutputChunk[]) => {
      for (const c of chunks) term.write(toCrlf(c.text));
      if (chunks.length > 0) setLive(chunks.map((c) => c.text).join(''));
    };
    const busy = () => useStore.getState().core.session.busy();

    const submit = (raw: string) => {
      term.write('\r\n');
      const line = raw.trim();
      if (line === 'clear') {
        // Handled by the terminal itself, like the real `clear` talking to the tty; nothing to replay.
        term.clear();
        term.write('\x1b[2J\x1b[H');
      } else if (line !== '') {
        const res = useStore.getState().runCommand(raw);
        print(res.output);
      }
      if (!busy()) term.write(prompt());
    };

    const complete = () => {
      const c = useStore.getState().core.session.complete(editor.line, editor.cursor);
      if (c.candidates.length > 1) {
        term.write(`\r\n${c.candidates.join('  ')}\r\n`);
      }
      editor.set(c.line, c.cursor);
      redraw();
    };

    const onData = term.onData((data) => {
      if (busy()) {
        // A foreground job holds the terminal: only Ctrl-C matters (bash echoes ^C).
        if (data === '\x03') {
          term.write('^C\r\n');
          print(useStore.getState().interruptCommand());
          if (!busy()) term.write(prompt());
        }
        return;
      }
      switch (data) {
        case '\r':
          submit(editor.take());
          return;
        case '\x7f':
        case '\b':
          editor.backspace();
          break;
        case '\x1b[3~':
          editor.deleteForward();
          break;
        case '\x1b[D':
          editor.left();
          break;
        case '\x1b[C':
          editor.right();
          break;
        case '\x1b[A':
          editor.up();
          break;
        case '\x1b[B':
          editor.down();
          break;
        case '\x1b[H':
        case '\x1bOH':
        case '\x01':
          editor.home();
          break;
        case '\x1b[F':
        case '\x1bOF':
        case '\x05':
          editor.end();
          break;
        case '\x15':
          editor.killToStart();
          break;
        case '\x0b':
          editor.killToEnd();
          break;
        case '\x17':
          editor.killWord();
          break;
        case '\t':
          complete();
          return;
        case '\x03':
          // Ctrl-C at the prompt: abandon the line, like bash.
          term.write(`${editor.line.slice(editor.cursor)}^C\r\n`);
          editor.take();
          term.write(prompt());
          return;
        case '\x0c':
          term.clear();
          term.write('\x1b[2J\x1b[H');
          break;
        default: {
          if (data.startsWith('\x1b')) return; // other escape sequences: ignore
          // Typed characters or a paste: each newline submits a line, like a shell reading a paste.
          const parts = data.replace(/\r\n?/g, '\n').split('\n');
          parts.forEach((part, i) => {
            // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters from typed input
            const printable = part.replace(/[\x00-\x1f\x7f]/g, '');
            editor.insert(printable);
            if (i < parts.length - 1) {
              redraw();
              submit(editor.take());
            }
          });
        }
      }
      redraw();
    });

    // Copy: Ctrl+C with a selection copies (instead of interrupting); Ctrl+Shift+C always copies.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && (e.key === 'c' || e.key === 'C') && (e.shiftKey || term.hasSelection())) {
        const sel = term.getSelection();
        if (sel) void navigator.clipboard?.writeText(sel).catch(() => {});
        return false;
      }
      // Let the browser deliver the paste event (Ctrl+V / Ctrl+Shift+V); xterm turns it into onData.
      if (ctrl && (e.key === 'v' || e.key === 'V')) return false;
      return true;
    });

    // Output a job writes later (port-forward's "Handling connection for 8080").
    // The core is replaced on Reset / profile switch, so follow it.
    let unsubOutput = useStore.getState().core.session.onOutput((chunks) => print(chunks));
    const unsubCore = useStore.subscribe((s, prev) => {
      if (s.core === prev.core) return;
      unsubOutput();
      unsubOutput = s.core.session.onOutput((chunks) => print(chunks));
    });

    // Commands run from elsewhere (Apply button, graph actions) are echoed as if typed.
    let lastFeed = useStore.getState().feed.at(-1)?.id ?? 0;
    const unsubFeed = useStore.subscribe((s, prev) => {
      if (s.feed === prev.feed) return;
      const fresh = s.feed.filter((f) => f.id > lastFeed);
      if (fresh.length === 0) return;
      lastFeed = fresh[fresh.length - 1]?.id ?? lastFeed;
      term.write('\r\x1b[K');
      for (const f of fresh) {
        term.write(`${prompt()}${f.line}\r\n`);
        print(f.output);
      }
      if (!busy()) redraw();
    });

    window.__playgroundTerminal = {
      text() {
        const buf = term.buffer.active;
        const lines: string[] = [];
        for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
        while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
        return lines.join('\n');
      },
    };

    term.write(`\x1b[2m${toCrlf(translate(useStore.getState().lang, 'terminalHelp'))}\x1b[0m\r\n`);
    term.write(prompt());

    const unsubLang = useStore.subscribe((s, prev) => {
      if (s.lang !== prev.lang) term.textarea?.setAttribute('aria-label', label());
      if (s.largeText !== prev.largeText) {
        term.options.fontSize = s.largeText ? 18 : 14;
        safeFit();
      }
    });

    return () => {
      onData.dispose();
      unsubOutput();
      unsubCore();
      unsubFeed();
      unsubLang();
      ro.disconnect();
      term.dispose();
      if (window.__playgroundTerminal) delete window.__playgroundTerminal;
    };
  }, []);

  return (
    <div className="terminal-wrap">
      <div ref={host} className="terminal-host" data-testid="terminal" />
      <div className="visually-hidden" role="log" aria-live="polite" aria-label={t('terminalOutput')}>
        {live}
      </div>
    </div>
  );
}
