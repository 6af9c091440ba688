// The terminal: @xterm/xterm running the kubectl session from the core. Line editing, history,
// tab completion, Ctrl-C (ends a foreground job such as port-forward), Ctrl-L / `clear`, copy and paste.
// Lazy-loaded (xterm is ~85 KiB gzip) so the first paint does not wait for it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { BusyboxSearch } from '../../kubectl/shell/line-editing';
import type { OutputChunk } from '../../state/core-types';
import { useStore } from '../../state/store';
import { loadLang, translate, useT } from '../i18n';
import { translateEdit } from '../i18n/messages-edit';
import { LineEditor } from './line-editor';
import { liveAnnouncer, renderNow } from './xterm-sync';

/** e2e / benchmark hook: the text the terminal shows (its buffer), read the way a person reads the screen. */
declare global {
  interface Window {
    __playgroundTerminal?: { text(): string; cols(): number };
  }
}

const toCrlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Output due sooner than this after the command started is printed with it (one frame). */
const MIN_REVEAL_MS = 16;
/** The longest a command's output takes to reveal, however much simulated time it covered. */
const MAX_REVEAL_MS = 10_000;

/** The session's prompt is bash's `\w$ ` (`~/ch03$ `); show it with user and host like a real terminal. */
const decoratePrompt = (p: string) => (p.endsWith('$ ') ? `student@playground:${p}` : p);

function XtermTerminal() {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  // Screen readers get the last command's output through a polite live region (xterm's rows are not
  // announced). Its text is set here, not through React state, and only after the frame that paints
  // the output (liveAnnouncer, ./xterm-sync).
  const liveRegion = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const term = new Terminal({
      convertEol: false,
      cursorBlink: !reduced,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace',
      fontSize: document.documentElement.classList.contains('large-text') ? 18 : 13,
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
    // The language's messages may still be on their way (a lazy chunk): label again once they are in.
    const applyLabel = () => {
      term.textarea?.setAttribute('aria-label', label());
      void loadLang(useStore.getState().lang)
        .catch(() => {})
        .then(() => term.textarea?.setAttribute('aria-label', label()));
    };
    applyLabel();
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

    // Everything one key press prints goes to xterm in ONE write: xterm parses the first write after
    // user input synchronously (so the next frame renders it), later ones in a timer task that Chrome
    // may run only after that frame (a whole frame of latency). `batch` collects, `write` appends.
    let pending: string | null = null;
    // Whether the screen still shows only the welcome line and the prompt (with what is being typed):
    // no command, output or clear yet. Printed text stays as printed, as in any terminal; the welcome
    // alone is reprinted when the student switches the language before using the terminal.
    let welcomeOnly = true;
    // True while the prompt and the typed line are drawn (that leaves the welcome alone).
    let drawingInput = false;
    const write = (data: string) => {
      if (!drawingInput) welcomeOnly = false;
      if (pending !== null) pending += data;
      else term.write(data);
    };
    /** Run `fn`, writing what it prints in one write; `parsed` runs once xterm has parsed that write. */
    const batch = (fn: () => void, parsed?: () => void) => {
      if (pending !== null) return fn();
      pending = '';
      try {
        fn();
      } finally {
        const data = pending;
        pending = null;
        if (data) term.write(data, parsed);
      }
    };
    /** Clear the screen and the scrollback (Ctrl-L, `clear`), in the same write stream as the output. */
    const clearScreen = () => write('\x1b[H\x1b[2J\x1b[3J');

    // ↑/↓ and Ctrl-R go through the foreground shell's history: a Pod shell keeps its own.
    const editor = new LineEditor(() => {
      const s = useStore.getState();
      return s.core.session.podLineEditing?.()?.history() ?? s.history;
    });
    // Inside `kubectl exec -it … sh` Ctrl-R is the Pod shell's (src/kubectl/shell/line-editing.ts):
    // BusyBox ash's search, or (dash, no line editor) the tty's reprint, after which the line
    // stands on a row of its own without the prompt until it is entered.
    let podSearch: BusyboxSearch | null = null;
    let reprinted = false;
    // The prompt last drawn, as the session gave it (an exec shell's `/ # ` or `~/ch03$ `).
    let shownPrompt = '';
    const prompt = () => {
      shownPrompt = useStore.getState().core.session.prompt();
      return decoratePrompt(shownPrompt);
    };
    /** Write what only draws the prompt and the typed line. */
    const drawInput = (data: string) => {
      drawingInput = true;
      try {
        write(data);
      } finally {
        drawingInput = false;
      }
    };
    // Where the cursor is, counted in cells from the start of the prompt (the input may wrap over rows).
    let shown = 0;
    // Whether the last output ended its line (the prompt must start on a fresh row for redraws).
    let atLineStart = true;
    /** Move to the start of the prompt row and clear everything below: the input area is blank. */
    const clearInput = () => {
      const up = Math.floor(shown / term.cols);
      drawInput(`\r${up > 0 ? `\x1b[${up}A` : ''}\x1b[J`);
      shown = 0;
    };
    /** Redraw prompt + line (over as many rows as it needs) and put the cursor back where it belongs. */
    const redraw = () => {
      const cols = term.cols;
      // Ctrl-R's search draws its own prompt in place of the shell's, as readline's rl_message does.
      const p = podSearch?.prompt() ?? editor.searchPrompt() ?? (reprinted ? '' : prompt());
      const end = p.length + editor.line.length;
      const target = p.length + editor.cursor;
      let out = `\r${Math.floor(shown / cols) > 0 ? `\x1b[${Math.floor(shown / cols)}A` : ''}${p}${editor.line}`;
      // At the exact right margin the terminal holds a pending wrap; " \r" forces it (as readline does).
      if (end > 0 && end % cols === 0) out += ' \r';
      out += '\x1b[J';
      const up = Math.floor(end / cols) - Math.floor(target / cols);
      if (up > 0) out += `\x1b[${up}A`;
      out += `\r${target % cols > 0 ? `\x1b[${target % cols}C` : ''}`;
      drawInput(out);
      shown = target;
    };
    /** A new prompt on a fresh line. */
    const freshPrompt = () => {
      // Output without a final newline (`cat` of such a file): start the prompt on the next row, as
      // zsh does, instead of drawing it over the text.
      if (!atLineStart) write('\r\n');
      atLineStart = true;
      shown = 0;
      reprinted = false;
      podSearch = null;
      redraw();
    };
    const live = liveAnnouncer(() => liveRegion.current);
    const print = (chunks: readonly OutputChunk[]) => {
      for (const c of chunks) {
        if (c.text === '') continue;
        write(toCrlf(c.text));
        atLineStart = c.text.endsWith('\n');
      }
      if (chunks.length > 0) live.announce(chunks.map((c) => c.text).join(''));
    };
    const busy = () => useStore.getState().core.session.busy();

    // True while this panel runs a command itself (it then writes the prompt; job events don't).
    let inCommand = false;

    // A command that let simulated time pass (`ping -c 4` takes 3 s) has its output revealed chunk by
    // chunk at the chunks' simulated times after the command started, divided by the clock speed, as
    // a real terminal would show it. The command itself already ran; keys typed meanwhile wait (like
    // a tty's typeahead) and Ctrl-C shows the rest at once.
    let reveal: {
      timer: ReturnType<typeof setTimeout> | undefined;
      rest: OutputChunk[];
      then: () => void;
    } | null = null;
    const typeahead: string[] = [];
    const finishReveal = () => {
      const r = reveal;
      if (!r) return;
      reveal = null;
      clearTimeout(r.timer);
      batch(() => {
        print(r.rest);
        r.then();
      });
      const keys = typeahead.splice(0, typeahead.length);
      for (const k of keys) {
        // A typed-ahead line that starts another revealed command: the rest waits for that one.
        if (reveal) typeahead.push(k);
        else batch(() => handleData(k));
      }
    };
    const revealStep = () => {
      const r = reveal;
      if (!r) return;
      const now = performance.now();
      const dueAt = (c: OutputChunk | undefined) => (c ? (revealAt.get(c) ?? now) : now);
      let n = 0;
      while (n < r.rest.length && dueAt(r.rest[n]) <= now) n++;
      // The last chunk is due: print it and the prompt together.
      if (n === r.rest.length) return finishReveal();
      const due = r.rest.splice(0, n);
      batch(() => print(due));
      r.timer = setTimeout(revealStep, Math.max(0, dueAt(r.rest[0]) - now));
    };
    const revealAt = new WeakMap<OutputChunk, number>();
    /** Print `chunks` now or progressively (see above), then run `then` (the prompt). */
    const printTimed = (chunks: readonly OutputChunk[], startedAt: number, then: () => void) => {
      const speed = Math.max(useStore.getState().speed, 0.01);
      const last = chunks.reduce((m, c) => Math.max(m, c.at - startedAt), 0) / speed;
      // Long runs (a loop of sleeps) are compressed to at most MAX_REVEAL_MS of real time.
      const scale = last > MAX_REVEAL_MS ? MAX_REVEAL_MS / last : 1;
      const t0 = performance.now();
      const now: OutputChunk[] = [];
      const later: OutputChunk[] = [];
      for (const c of chunks) {
        const delay = ((c.at - startedAt) / speed) * scale;
        if (delay < MIN_REVEAL_MS && later.length === 0) now.push(c);
        else {
          revealAt.set(c, t0 + delay);
          later.push(c);
        }
      }
      print(now);
      if (later.length === 0) return then();
      reveal = { timer: undefined, rest: later, then };
      reveal.timer = setTimeout(revealStep, Math.max(0, (revealAt.get(later[0] as OutputChunk) ?? t0) - t0));
    };

    const submit = (raw: string) => {
      // A line that ends at the right margin left the cursor at the start of the blank row below it
      // (redraw's " \r"): the output starts there, with no empty row between, as readline does
      // (display.c _rl_update_final: "compensate so we don't print an extra CRLF"). Any width a
      // student drags the terminal to makes some command exactly that long.
      write(shown > 0 && shown % term.cols === 0 ? '\r' : '\r\n');
      shown = 0;
      // An empty line just gives a new prompt, like bash (nothing to run or replay).
      if (raw.trim() === '') return freshPrompt();
      inCommand = true;
      const s = useStore.getState();
      const startedAt = s.core.cluster.now();
      const res = s.runCommand(raw);
      inCommand = false;
      wasBusy = res.busy;
      if (res.clear) clearScreen();
      printTimed(res.output, startedAt, () => {
        if (!busy()) freshPrompt();
        else hintEdit();
      });
    };

    // `kubectl edit` waits for the editor panel's tab: say where it is, and show that panel.
    const hintEdit = () => {
      const st = useStore.getState();
      const ed = st.core.session.editing();
      if (!ed) return;
      write(`\x1b[2m${toCrlf(translateEdit(st.lang, 'terminalEditing', { name: ed.path }))}\x1b[0m\r\n`);
      atLineStart = true;
      if (!st.panels.editor) st.togglePanel('editor');
    };

    // Tab: a single candidate (or a longer common prefix) is inserted; several are listed, like bash.
    const complete = () => {
      const c = useStore.getState().core.session.complete(editor.line, editor.cursor);
      const current = editor.line.slice(c.start, c.end);
      const insert = c.candidates.length === 1 ? (c.candidates[0] ?? '') : c.common;
      if (insert.length > current.length || (c.candidates.length === 1 && insert !== current)) {
        let text = insert;
        // A finished word (not a directory) gets the trailing space bash adds.
        if (c.candidates.length === 1 && !text.endsWith('/') && editor.line[c.end] !== ' ') text += ' ';
        editor.set(editor.line.slice(0, c.start) + text + editor.line.slice(c.end), c.start + text.length);
      } else if (c.candidates.length > 1) {
        editor.end();
        redraw();
        write(`\r\n${c.candidates.join('  ')}\r\n`);
        shown = 0;
      }
      redraw();
    };

    const onData = term.onData((data) => {
      if (reveal) {
        // Ctrl-C shows the rest of the output now; other keys wait for the prompt.
        if (data === '\x03') finishReveal();
        else typeahead.push(data);
        return;
      }
      batch(
        () => handleData(data),
        () => renderNow(term, el),
      );
    });
    /** Ctrl-C: the line on screen is dropped (the session echoes ^C) and a new prompt starts. */
    const abandonLine = () => {
      editor.take();
      inCommand = true;
      print(useStore.getState().interruptCommand().output);
      inCommand = false;
      freshPrompt();
    };
    /**
     * A key during Ctrl-R's search (readline isearch.c): the search keys change the search and return
     * true; any other key (Enter, an arrow, Tab, Ctrl-A…) accepts the found line and is then run as
     * usual (false). Ctrl-C leaves the search line on screen and abandons it, as bash does.
     */
    const searchKey = (data: string): boolean => {
      switch (data) {
        case '\x12':
          editor.reverseSearch();
          return true;
        case '\x7f':
        case '\b':
          editor.searchBackspace();
          return true;
        case '\x07':
          editor.searchCancel();
          return true;
        case '\x17':
        case '\x19':
          editor.searchYank(data === '\x19');
          return true;
        case '\x1b':
        case '\n':
          editor.searchAccept();
          return true;
        case '\x03':
          editor.end();
          redraw();
          editor.searchCancel();
          abandonLine();
          return true;
      }
      // biome-ignore lint/suspicious/noControlCharactersInRegex: typed characters, not keys
      if (!/[\x00-\x1f\x7f]/.test(data)) {
        editor.searchInsert(data);
        return true;
      }
      editor.searchAccept();
      return false;
    };
    /**
     * A key during BusyBox's search (lineedit.c reverse_i_search): Ctrl-R, Backspace and typed
     * characters search (a miss beeps); any other key ends it with the found line and is then
     * handled as usual (false).
     */
    const busyboxSearchKey = (search: BusyboxSearch, data: string): boolean => {
      let misses = 0;
      if (data === '\x12') misses = search.next() ? 0 : 1;
      else if (data === '\x7f' || data === '\b') misses = search.backspace() ? 0 : 1;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: typed characters, not keys
      else if (!/[\x00-\x1f\x7f]/.test(data)) for (const ch of data) misses += search.insert(ch) ? 0 : 1;
      else {
        const { line, cursor } = search.finish();
        podSearch = null;
        editor.set(line, cursor);
        return false;
      }
      editor.set(search.line, search.cursor);
      if (misses > 0) write('\x07'.repeat(misses));
      return true;
    };
    function handleData(data: string) {
      if (busy()) {
        // A foreground job holds the terminal: only Ctrl-C matters (the session echoes ^C).
        if (data === '\x03') {
          inCommand = true;
          const res = useStore.getState().interruptCommand();
          inCommand = false;
          wasBusy = res.busy;
          print(res.output);
          if (!busy()) freshPrompt();
        }
        return;
      }
      if (reveal) {
        typeahead.push(data);
        return;
      }
      if (podSearch && busyboxSearchKey(podSearch, data)) return redraw();
      if (editor.searching && searchKey(data)) return redraw();
      switch (data) {
        case '\r':
          // Move past the whole input first, so the output starts below it.
          editor.end();
          redraw();
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
          editor.end();
          redraw();
          abandonLine();
          return;
        case '\x12': {
          const pod = useStore.getState().core.session.podLineEditing?.();
          if (pod?.kind === 'tty') {
            editor.end();
            redraw();
            write(pod.reprint(editor.line));
            reprinted = true;
            shown = editor.line.length;
            return;
          }
          // ash's own search; bash in a Pod (readline) searches like the host's, over its own history.
          if (pod?.kind === 'busybox') podSearch = pod.search(editor.line, editor.cursor);
          else editor.reverseSearch();
          break;
        }
        case '\x0c':
          clearScreen();
          shown = 0;
          break;
        default: {
          if (data.startsWith('\x1b')) return; // other escape sequences: ignore
          // Typed characters or a paste: each newline submits a line, like a shell reading a paste.
          const parts = data.replace(/\r\n?/g, '\n').split('\n');
          for (let i = 0; i < parts.length; i++) {
            // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters from typed input
            const printable = (parts[i] ?? '').replace(/[\x00-\x1f\x7f]/g, '');
            editor.insert(printable);
            if (i < parts.length - 1) {
              editor.end();
              redraw();
              submit(editor.take());
              // Output still being revealed: the rest of the paste waits for the prompt, like typeahead.
              if (reveal) {
                const rest = parts.slice(i + 1).join('\n');
                if (rest !== '') typeahead.push(rest);
                return;
              }
            }
          }
        }
      }
      redraw();
    }

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
    // When the job ends by itself (the forwarded Pod went away), the prompt comes back; when an exec
    // shell dies (its Pod deleted: exit 137) the session is not busy either way but its prompt changes
    // from the Pod's `/ # ` back to `~/ch03$ `, so a changed prompt is redrawn too. Output that
    // arrives while a prompt is on screen is printed above it, and the prompt and the half-typed line
    // are drawn again below (like readline).
    let wasBusy = busy();
    const onJobOutput = (chunk: OutputChunk | undefined, state: { busy: boolean; prompt: string }) => {
      if (inCommand) {
        if (chunk) print([chunk]);
        wasBusy = state.busy;
        return;
      }
      if (reveal) finishReveal();
      batch(() => {
        const atPrompt = !wasBusy;
        if (chunk && atPrompt) clearInput();
        if (chunk) print([chunk]);
        if (!state.busy) {
          if (wasBusy || (chunk && atPrompt)) freshPrompt();
          else if (state.prompt !== shownPrompt) redraw();
        }
      });
      wasBusy = state.busy;
    };
    let unsubOutput = useStore.getState().core.session.onOutput(onJobOutput);
    const unsubCore = useStore.subscribe((s, prev) => {
      if (s.core === prev.core) return;
      unsubOutput();
      unsubOutput = s.core.session.onOutput(onJobOutput);
      wasBusy = busy();
    });

    // Commands run from elsewhere (Apply button, graph actions) are echoed as if typed.
    let lastFeed = useStore.getState().feed.at(-1)?.id ?? 0;
    const unsubFeed = useStore.subscribe((s, prev) => {
      if (s.feed === prev.feed) return;
      const fresh = s.feed.filter((f) => f.id > lastFeed);
      if (fresh.length === 0) return;
      lastFeed = fresh[fresh.length - 1]?.id ?? lastFeed;
      if (reveal) finishReveal();
      batch(() => {
        clearInput();
        for (const f of fresh) {
          write(`${prompt()}${f.line}\r\n`);
          print(f.output);
        }
        shown = 0;
        if (!busy()) redraw();
      });
    });

    window.__playgroundTerminal = {
      cols: () => term.cols,
      text() {
        const buf = term.buffer.active;
        const lines: string[] = [];
        // Rows the terminal wrapped are one logical line, as a person reads them.
        for (let i = 0; i < buf.length; i++) {
          const row = buf.getLine(i);
          // A row continued on the next one keeps its trailing spaces (a space can sit at the margin).
          const text = row?.translateToString(!buf.getLine(i + 1)?.isWrapped) ?? '';
          if (row?.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
          else lines.push(text);
        }
        while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
        return lines.join('\n');
      },
    };

    const welcome = () => `\x1b[2m${toCrlf(translate(useStore.getState().lang, 'terminalHelp'))}\x1b[0m\r\n`;
    term.write(welcome());
    freshPrompt();
    /** The language changed before the terminal was used: the welcome again, in it, above the prompt. */
    let disposed = false;
    const rewelcome = () => {
      if (disposed || !welcomeOnly || reveal) return;
      batch(() => {
        // the screen and scrollback hold only the welcome and the prompt: start them afresh
        drawInput(`\x1b[H\x1b[2J\x1b[3J${welcome()}`);
        shown = 0;
        redraw();
      });
    };

    const unsubLang = useStore.subscribe((s, prev) => {
      if (s.lang !== prev.lang) {
        applyLabel();
        // once the language's messages are in (a lazy chunk), unless it changed again meanwhile
        void loadLang(s.lang)
          .catch(() => {})
          .then(() => {
            if (useStore.getState().lang === s.lang) rewelcome();
          });
      }
      if (s.largeText !== prev.largeText) {
        term.options.fontSize = s.largeText ? 18 : 13;
        safeFit();
      }
    });

    return () => {
      disposed = true;
      if (reveal) clearTimeout(reveal.timer);
      live.dispose();
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
      <div
        ref={liveRegion}
        className="visually-hidden"
        role="log"
        aria-live="polite"
        aria-label={t('terminalOutput')}
      />
    </div>
  );
}

/** The terminal starts once the session (kubectl) is loaded and the saved playground restored. */
export default function TerminalPanel() {
  const t = useT();
  const ready = useStore((s) => s.sessionReady);
  return ready ? <XtermTerminal /> : <p className="panel-loading">{t('terminalLoading')}</p>;
}
