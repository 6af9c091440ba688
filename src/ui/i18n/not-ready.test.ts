// The browser pane used before the kubectl part of the app has loaded: the core answers with the
// playground's own "still starting" error, whose code must render to that English text and to a
// whole Korean sentence (the pane shows the message in the UI's language).
import { describe, expect, it } from 'vitest';
import { createCore } from '../../state/core';
import { strayEnglish } from './ko-check';
import { koTrace } from './messages-ko';
import { enTrace } from './messages-trace';
import { renderText } from './trace-text';

describe('the browser pane before the terminal has loaded', () => {
  it('gets an error whose code renders as its English message and in Korean', () => {
    const core = createCore({ seed: 7, profile: 'docker-desktop', proxyMode: 'iptables' });
    const res = core.session.browse('http://localhost:8080');
    const err = res.error;
    expect(err?.kind).toBe('refused');
    const code = err?.code;
    expect(code?.key).toBe('appNotReady');
    if (!code || !err) return;
    expect(renderText(enTrace, code)).toBe(err.message);
    const ko = renderText(koTrace, code);
    expect(ko).toBeDefined();
    expect(ko).not.toBe(err.message);
    expect(strayEnglish(ko ?? '')).toEqual([]);
  });
});
