#!/bin/sh
# make bench-serve (and the tt-serve part of make bench), on a port the
# system picks:
# 1. requests per second of tt-serve's POST /api/analyse for a text of
#    1,000 words from samples/, over keep-alive loopback connections, with
#    1 and with 4 clients at once (the analysis itself runs under one lock,
#    so 4 clients show what the I/O threads add); SERVE_SECONDS (default 3)
#    per measurement;
# 2. the time from a key press to the updated marks on the page, for a text
#    of 10,000 words (samples/ twice over, cut at 10,000 words, lines kept),
#    in headless Chromium driven over the DevTools pipe by
#    bench/serve-keystroke.py (which says exactly what it measures);
#    SERVE_KEYS (default 10) key presses. Skipped without chromium.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${SERVE_SECONDS:-3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tt-bench-serve.XXXXXX")
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT INT TERM
cat samples/*.txt | tr -s ' \n' '  ' | awk -v RS=' ' 'NF && n < 1000 { printf "%s ", $0; n++ }' > "$tmp/text"
cat samples/*.txt samples/*.txt | awk -v max=10000 '
	{ if (n + NF > max) { for (i = 1; i <= max - n; i++) printf "%s%s", $i, (i < max - n ? " " : "\n"); exit }
	  print; n += NF }' > "$tmp/text10k"
bin/tt-serve --listen 127.0.0.1:0 > "$tmp/url" 2> "$tmp/err" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.1; done
python3 - "$(cat "$tmp/url")" "$tmp/text" "$SECONDS_EACH" <<'PY'
import http.client, json, sys, threading, time, urllib.parse
url, path, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
u = urllib.parse.urlparse(url)
body = open(path, 'rb').read()
def client(out):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    n, end = 0, time.monotonic() + secs
    while time.monotonic() < end:
        c.request('POST', '/api/analyse', body, {'Content-Type': 'text/plain'})
        r = c.getresponse(); data = r.read()
        assert r.status == 200
        n += 1
    out.append((n, data))
for k in (1, 4):
    out = []; t0 = time.monotonic()
    ts = [threading.Thread(target=client, args=(out,)) for _ in range(k)]
    [t.start() for t in ts]; [t.join() for t in ts]
    dt = time.monotonic() - t0
    n = sum(x[0] for x in out)
    tot = json.loads(out[0][1])['totals']
    print('tt-serve: %d words, %d hits, %d KB answer: %d client(s): %.0f requests/s, %.1f ms each'
          % (tot['words'], tot['hits'], len(out[0][1]) // 1024, k, n / dt, 1000 * dt * k / n))
PY
if command -v chromium >/dev/null 2>&1; then
	python3 bench/serve-keystroke.py "$(cat "$tmp/url")" "$tmp/text10k" "${SERVE_KEYS:-10}"
else
	echo "tt-serve page: skipped (no chromium)"
fi
