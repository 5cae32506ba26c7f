#!/usr/bin/env python3
"""tests/tt-serve.bats: keyboard focus on the page, in headless Chromium.

Usage: tt-serve-focus.py URL

Loads URL (a page with a long text), presses Tab until a jargon mark below
the first screen has the focus, and prints one line of JSON: whether that
mark is in the window, its outline, whether the explanation box is in the
window, and whether it explains that mark. Drives Chromium through the
Browser class of bench/serve-keystroke.py (the DevTools protocol on a pipe).
"""
import importlib.util
import json
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'keystroke', os.path.join(here, '..', 'bench', 'serve-keystroke.py'))
keystroke = importlib.util.module_from_spec(spec)
spec.loader.exec_module(keystroke)

STATE = r'''(() => {
    const a = document.activeElement, u = document.getElementById('uitleg');
    const ra = a.getBoundingClientRect(), ru = u.getBoundingClientRect();
    const inView = (r) => r.top >= 0 && r.bottom <= innerHeight;
    const cs = getComputedStyle(a);
    return { tag: a.tagName, entry: a.dataset.entry || null,
        scrolled: scrollY, markInView: inView(ra),
        outline: cs.outlineStyle + ' ' + cs.outlineWidth,
        explainInView: inView(ru),
        explainsMark: a.title !== '' && u.textContent === a.title };
})()'''


def main():
    b = keystroke.Browser()
    try:
        t = next(t for t in b.send('Target.getTargets', session=False)['targetInfos']
                 if t['type'] == 'page')
        b.session = b.send('Target.attachToTarget', {
            'targetId': t['targetId'], 'flatten': True}, session=False)['sessionId']
        b.send('Emulation.setDeviceMetricsOverride', {
            'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})
        b.send('Page.navigate', {'url': sys.argv[1]})
        for _ in range(400):
            if b.evaluate('document.body && document.body.dataset.analysed ? 1 : 0'):
                break
            time.sleep(0.05)
        state = None
        for _ in range(400):
            b.send('Input.dispatchKeyEvent', {'type': 'keyDown', 'key': 'Tab',
                   'code': 'Tab', 'windowsVirtualKeyCode': 9})
            b.send('Input.dispatchKeyEvent', {'type': 'keyUp', 'key': 'Tab',
                   'code': 'Tab', 'windowsVirtualKeyCode': 9})
            state = b.evaluate(STATE)
            if state['entry'] and state['scrolled'] > 900:
                break
        print(json.dumps(state, sort_keys=True))
    finally:
        b.close()


main()
