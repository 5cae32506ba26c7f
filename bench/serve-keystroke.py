#!/usr/bin/env python3
"""Keystroke to updated marks on tt-serve's page, in headless Chromium.

Usage: serve-keystroke.py URL TEXTFILE [ROUNDS]

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe:
fd 3 carries commands to the browser, fd 4 its answers, each message JSON
ended by a NUL), so nothing in the shipped page changes for the benchmark.
The page is loaded, the text put in its text area and analysed once; then,
ROUNDS times, one real key press (Input.dispatchKeyEvent, which the page sees
as keydown, the typed character and an input event) is sent at the end of
the text, and the script waits until the page has shown the new analysis.

What is measured, in the page's own clock (performance.now()):
  total   from the keydown event to the moment the page sets data-analysed
          on <body>, which its script does after the marks, the figures and
          the term list have been replaced: debounce (300 ms in app.js) +
          fetch + JSON parse + render;
  frame   total plus two animation frames: the updated marks painted;
  fetch   the POST /api/analyse of that round, from the browser's resource
          timing (request start to response end: upload, analysis, download);
  render  from the response's end to data-analysed (JSON parse and building
          the marked text).
The observers that take these times are installed by this script through
the protocol, for the benchmark only.
"""
import fcntl
import json
import os
import statistics
import subprocess
import sys
import time


class Browser:
    def __init__(self):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        # the child must see them as its fds 3 and 4: moved out of the way
        # first, in case either is already 3 or 4
        def child():
            r = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)
            os.close(r)
            os.close(w)
        self.proc = subprocess.Popen(
            ['chromium', '--headless', '--no-sandbox', '--disable-gpu',
             '--remote-debugging-pipe', '--no-first-run',
             '--window-size=1280,900', 'about:blank'],
            preexec_fn=child, pass_fds=(3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.buf = b''
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session and self.session:
            msg['sessionId'] = self.session
        os.write(self.to_w, json.dumps(msg).encode() + b'\0')
        want = self.next_id
        while True:
            m = self.read()
            if m.get('id') == want:
                if 'error' in m:
                    raise RuntimeError('%s: %s' % (method, m['error']))
                return m.get('result', {})

    def read(self):
        while b'\0' not in self.buf:
            chunk = os.read(self.from_r, 1 << 16)
            if not chunk:
                raise RuntimeError('chromium closed the pipe')
            self.buf += chunk
        msg, self.buf = self.buf.split(b'\0', 1)
        return json.loads(msg)

    def evaluate(self, expr):
        r = self.send('Runtime.evaluate', {'expression': expr,
                      'awaitPromise': True, 'returnByValue': True})
        if 'exceptionDetails' in r:
            raise RuntimeError('page: %s' % r['exceptionDetails'])
        return r['result'].get('value')

    def close(self):
        try:
            self.send('Browser.close', session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# Installed before each key press: resolves with the times of that round.
WAIT_ROUND = r'''
new Promise((resolve) => {
    const t = {};
    const tekst = document.getElementById('tekst');
    tekst.addEventListener('keydown', () => { t.key = performance.now(); },
        { once: true });
    const mo = new MutationObserver(() => {
        mo.disconnect();
        t.done = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => {
            t.frame = performance.now();
            const r = performance.getEntriesByType('resource')
                .filter((e) => e.name.endsWith('/api/analyse')).pop();
            resolve({ total: t.done - t.key, frame: t.frame - t.key,
                fetch: r.responseEnd - r.startTime,
                render: t.done - r.responseEnd,
                marks: document.querySelectorAll('#weergave mark').length,
                words: document.getElementById('woorden').textContent });
        }));
    });
    mo.observe(document.body, { attributes: true,
        attributeFilter: ['data-analysed'] });
    window.__ttRound = true;
})
'''


def main():
    url, path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    text = open(path, encoding='utf-8').read()
    b = Browser()
    try:
        targets = b.send('Target.getTargets', session=False)['targetInfos']
        page = next(t for t in targets if t['type'] == 'page')
        b.session = b.send('Target.attachToTarget', {
            'targetId': page['targetId'], 'flatten': True},
            session=False)['sessionId']
        b.send('Page.enable')
        b.send('Page.navigate', {'url': url})
        for _ in range(200):
            if b.evaluate('document.readyState') == 'complete':
                break
            time.sleep(0.05)
        # the text, analysed once (not measured)
        b.evaluate('''new Promise((resolve) => {
            const mo = new MutationObserver(() => { mo.disconnect(); resolve(); });
            mo.observe(document.body, { attributes: true, attributeFilter: ['data-analysed'] });
            const t = document.getElementById('tekst');
            t.value = %s;
            t.dispatchEvent(new Event('input'));
        })''' % json.dumps(text))
        results = []
        for i in range(rounds):
            b.evaluate('''(() => { const t = document.getElementById('tekst');
                t.focus(); t.setSelectionRange(t.value.length, t.value.length); })()''')
            pending_expr = WAIT_ROUND
            # the promise is started, then the key pressed, then awaited
            b.evaluate('window.__ttWait = %s; 0' % pending_expr)
            ch = 'x' if i % 2 == 0 else ' '
            b.send('Input.dispatchKeyEvent', {'type': 'keyDown', 'text': ch,
                   'key': ch, 'unmodifiedText': ch})
            b.send('Input.dispatchKeyEvent', {'type': 'keyUp', 'key': ch})
            results.append(b.evaluate('window.__ttWait'))
        words = results[-1]['words']
        marks = results[-1]['marks']

        def med(k):
            return statistics.median(r[k] for r in results)

        def best(k):
            return min(r[k] for r in results)
        print('tt-serve page: %s words, %d marks, %d key presses: keystroke to '
              'updated marks %.0f ms median (least %.0f; painted %.0f), of '
              'which debounce 300, fetch %.0f, render %.0f'
              % (words, marks, rounds, med('total'), best('total'),
                 med('frame'), med('fetch'), med('render')))
    finally:
        b.close()


if __name__ == '__main__':
    main()
