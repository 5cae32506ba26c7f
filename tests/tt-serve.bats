#!/usr/bin/env bats
# tt-serve: the JSON API on a small fixture lexicon, the limits and escapes
# every request meets, 20 clients at once, and the page in headless
# Chromium. One server for the whole file, on a port the kernel picks
# (--listen 127.0.0.1:0; the URL it prints says which).

load helper

SFIX="$FIX/tt-serve"

setup_file() {
	D="$BATS_FILE_TMPDIR"
	"$ROOT/${TT_BIN:-bin}/tt-serve" --listen 127.0.0.1:0 \
	    -l "$FIX/tt-serve/jargon.tsv" -s "$FIX/tt-serve/score.tsv" \
	    > "$D/url" 2> "$D/err" 3>&- &
	echo $! > "$D/pid"
	for _ in $(seq 100); do
		if [ -s "$D/url" ] && curl -s -o /dev/null --max-time 2 "$(cat "$D/url")"; then
			return 0
		fi
		sleep 0.1
	done
	echo "tt-serve did not start: $(cat "$D/err")" >&2
	return 1
}

teardown_file() {
	kill "$(cat "$BATS_FILE_TMPDIR/pid")" 2>/dev/null || true
}

url() {
	printf '%sapi/%s' "$(cat "$BATS_FILE_TMPDIR/url")" "$1"
}

base() {
	cat "$BATS_FILE_TMPDIR/url"
}

# code ARGS...: the HTTP status curl gets.
code() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"
}

analyse() {
	curl -s --max-time 10 --data-binary @- -H 'Content-Type: text/plain' "$(url analyse)"
}

@test "prints its URL on loopback and nothing else on stdout; which converters on stderr" {
	run cat "$BATS_FILE_TMPDIR/url"
	assert_output --regexp '^http://127\.0\.0\.1:[0-9]+/$'
	command -v pdftotext >/dev/null && command -v pandoc >/dev/null ||
	    skip "pdftotext or pandoc missing"
	run cat "$BATS_FILE_TMPDIR/err"
	assert_output "tt-serve: opens .pdf through $(command -v pdftotext)
tt-serve: opens .docx through $(command -v pandoc)"
}

@test "POST /api/analyse: tokens, hits, markers, balances and totals exactly" {
	run analyse < <(printf 'Derhalve helpt het wijkteam gewoon.\nDe buren: eigen kracht!')
	assert_success
	assert_output "$(cat "$SFIX/small.json")"
}

@test "offsets are bytes of the UTF-8 text" {
	run analyse <<<'Café wijkteam'
	assert_output --partial '"start":6,"end":14,"first":1,"last":1,"match":"wijkteam"'
}

@test "CRLF and a BOM are handled as the reader does" {
	run analyse < <(printf '\xef\xbb\xbfa\r\nwijkteam\r\n')
	assert_output --partial '"text":"a\nwijkteam"'
	assert_output --partial '"start":2,"end":10'
}

@test "GET /api/lexicon lists the loaded entries and their poles" {
	run curl -s --max-time 10 "$(url lexicon)"
	assert_success
	assert_output "$(cat "$SFIX/lexicon.json")"
}

@test "an empty text has no hits and no balance" {
	run analyse < /dev/null
	assert_output --partial '"hits":[],"markers":[]'
	assert_output --partial '"totals":{"tokens":0,"words":0,"hits":0,"markers":0,"per1000":null}'
}

@test "unknown paths and traversal in every spelling answer 404" {
	for p in /etc/passwd /../../etc/passwd /%2e%2e/%2e%2e/etc/passwd \
	    /..%2f..%2fetc%2fpasswd /%252e%252e/etc/passwd /api/../../etc/passwd \
	    /api /api/ /app.js/ //app.js /index.htm /style.css.map '/%00' \
	    /.%2e/.%2e/etc/passwd /api/analyse/x /%61pp.js '/%00/../app.js' /api%2flexicon; do
		c=$(code --path-as-is "$(base)${p#/}")
		[ "$c" = 404 ] || { echo "$p: $c"; return 1; }
	done
}

@test "a wrong method answers 405 with Allow" {
	[ "$(code "$(url analyse)")" = 405 ]
	[ "$(code -X PUT --data x "$(url analyse)")" = 405 ]
	[ "$(code -X POST --data x "$(url lexicon)")" = 405 ]
	[ "$(code -X DELETE "$(base)")" = 405 ]
	run curl -s -i --max-time 10 "$(url analyse)"
	assert_output --partial $'Allow: POST\r'
}

@test "a body over 4 MB answers 413, whether its length is declared or not" {
	run code --data-binary @- "$(url analyse)" < <(head -c 4194305 /dev/zero)
	assert_output 413
	run code -H 'Transfer-Encoding: chunked' --data-binary @- "$(url analyse)" \
	    < <(head -c 5000000 /dev/zero)
	assert_output 413
	# a chunked body far over the limit has its connection closed
	run code -H 'Transfer-Encoding: chunked' --data-binary @- "$(url analyse)" \
	    < <(head -c 20000000 /dev/zero)
	refute_output 200
	# 4 MB exactly is still taken
	run code --data-binary @- "$(url analyse)" < <(head -c 4194304 /dev/zero | tr '\0' 'a')
	assert_output 200
}

@test "invalid UTF-8 and NUL are repaired to U+FFFD, one per bad byte" {
	run analyse < <(printf 'a\xffb\x00c\xc3\x28 \xed\xa0\x80')
	assert_success
	assert_output --partial $'"text":"a\xef\xbf\xbdb\xef\xbf\xbdc\xef\xbf\xbd( \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"'
}

@test "<script>, quotes and </mark> come back escaped in the JSON" {
	run analyse <<<'<script>alert("x")</script> </mark> & wijkteam'
	assert_output --partial '"text":"\u003cscript\u003ealert(\"x\")\u003c/script\u003e \u003c/mark\u003e \u0026 wijkteam",'
	no_match -F '<script>' <<<"$output"
}

@test "/?text= fills the text area, escaped and repaired" {
	run curl -s --max-time 10 "$(base)?text=%3Cscript%3Ealert(%22x%22)%3C%2Ftextarea%3E%FF"
	assert_output --partial $'>&lt;script&gt;alert(&quot;x&quot;)&lt;/textarea&gt;\xef\xbf\xbd</textarea>'
	no_match -F '<script>alert' <<<"$output"
}

@test "every answer carries the Content-Security-Policy" {
	for p in "" app.js style.css api/lexicon no-such-page; do
		run curl -s -i --max-time 10 "$(base)$p"
		assert_output --partial "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
		assert_output --partial 'X-Content-Type-Options: nosniff'
	done
	run curl -s -i --max-time 10 --data x "$(url analyse)"
	assert_output --partial "Content-Security-Policy: default-src 'none';"
}

@test "the page loads nothing from outside" {
	run curl -s --max-time 10 "$(base)"
	assert_success
	assert_output --partial '<script src="/app.js" defer></script>'
	no_match -E '(src|href)="(https?:)?//' <<<"$output"
}

@test "200 requests from 20 clients at once are all answered correctly" {
	D="$BATS_TEST_TMPDIR"
	u=$(url analyse)
	seq 200 | xargs -P 20 -I{} curl -s --max-time 30 -o "$D/{}.json" \
	    --data-binary 'Tekst {}: het wijkteam en eigen kracht, gewoon.' "$u"
	n=0
	for i in $(seq 200); do
		grep -qF "\"text\":\"Tekst $i: het wijkteam en eigen kracht, gewoon.\"" "$D/$i.json" &&
		    grep -qF '"totals":{"tokens":11,"words":7,"hits":2,"markers":1,"per1000":285.7143}' "$D/$i.json" &&
		    n=$((n + 1))
	done
	[ "$n" -eq 200 ]
}

@test "memory stays flat: 400 more requests after the first 200 grow it by less than 2 MB" {
	[ "${TT_BIN:-bin}" = bin ] || skip "memory is measured on the plain build (sanitizers keep freed memory)"
	pid=$(cat "$BATS_FILE_TMPDIR/pid")
	u=$(url analyse)
	rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
	seq 200 | xargs -P 20 -I{} curl -s --max-time 30 -o /dev/null \
	    --data-binary 'Opwarmen {}: het wijkteam en eigen kracht.' "$u"
	before=$(rss)
	seq 400 | xargs -P 20 -I{} curl -s --max-time 30 -o /dev/null \
	    --data-binary 'Daarna {}: het wijkteam en eigen kracht, gewoon en samen.' "$u"
	after=$(rss)
	echo "VmRSS $before kB -> $after kB"
	[ $((after - before)) -lt 2048 ]
}

@test "a pathological lexicon regex is bounded by the PCRE2 limits: an answer, and the server lives on" {
	start_own "$BATS_TEST_TMPDIR" -l "$FIX/tt-jargon/regex-limit.tsv"
	u=$(cat "$BATS_TEST_TMPDIR/url")api/analyse
	text="$(printf 'a%.0s' $(seq 40))b de wmo"
	run curl -s --max-time 20 -w '\n%{http_code}' --data-binary "$text" "$u"
	assert_success
	assert_line --index 1 200
	[[ "${lines[0]}" == *'"entry":"regex-limit:wmo"'* ]]
	kill -0 "$(cat "$BATS_TEST_TMPDIR/pid")"
	grep -q 'regex hit its match limit' "$BATS_TEST_TMPDIR/err"
	run curl -s --max-time 20 -o /dev/null -w '%{http_code}' --data-binary 'de wmo' "$u"
	assert_output 200
}

@test "the server is still alive and right after all the bad requests" {
	kill -0 "$(cat "$BATS_FILE_TMPDIR/pid")"
	run analyse < <(printf 'Derhalve helpt het wijkteam gewoon.\nDe buren: eigen kracht!')
	assert_output "$(cat "$SFIX/small.json")"
}

@test "--listen: a bad address is a usage error; 0.0.0.0 warns about the network" {
	run --separate-stderr tt-serve --listen nowhere
	assert_failure 2
	[[ "$stderr" == "tt-serve: --listen nowhere: expected an IPv4 ADDR:PORT"* ]]
	run --separate-stderr tt-serve --listen 127.0.0.1:99999
	assert_failure 2
	run --separate-stderr tt-serve extra-operand
	assert_failure 2
	# started in the background; interrupted once it says where it listens
	# (under valgrind that takes seconds), it ends with status 0
	local out=$BATS_TEST_TMPDIR/any.out err=$BATS_TEST_TMPDIR/any.err pid i rc=0
	tt-serve --listen 0.0.0.0:0 -l "$SFIX/jargon.tsv" -s "$SFIX/score.tsv" \
	    > "$out" 2> "$err" &
	pid=$!
	for i in $(seq 600); do
		[ -s "$out" ] && break
		sleep 0.1
	done
	kill -INT "$pid"
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ]
	run cat "$out"
	assert_output --regexp '^http://0\.0\.0\.0:[0-9]+/$'
	[[ "$(cat "$err")" == *"warning: listening on 0.0.0.0:"*"the classroom"* ]]
}

@test "a bad lexicon stops it before it listens, with file:line" {
	printf '#id\tpattern\tcategory\nx\t/(/\tc\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run --separate-stderr tt-serve --listen 127.0.0.1:0 -l "$BATS_TEST_TMPDIR/bad.tsv"
	assert_failure 2
	assert_output ''
	[[ "$stderr" == "tt-serve: $BATS_TEST_TMPDIR/bad.tsv:2: "* ]]
}

# ---- .pdf and .docx through the converters -------------------------------

need_converters() {
	command -v pdftotext >/dev/null && command -v pandoc >/dev/null ||
	    skip "pdftotext or pandoc missing"
}

@test "GET /api/convert says which types the server can open" {
	need_converters
	run curl -s --max-time 10 "$(url convert)"
	assert_output '{"pdf":true,"docx":true}'
}

@test "POST /api/convert?type=pdf: the text of a real PDF, pages as blank lines" {
	need_converters
	run curl -s --max-time 30 -D "$BATS_TEST_TMPDIR/head" --data-binary @"$FIX/pipelines/rapport.pdf" \
	    "$(url convert)?type=pdf"
	assert_output "$(printf 'Rapport over het wijkteam\nHet wijkteam werkt met maatwerk voor iedereen.\n\n\nDe gemeente vraagt om eigen kracht.\nEen mantelzorger helpt de buren.\n\n\n')"
	grep -qi '^Content-Type: text/plain; charset=utf-8' "$BATS_TEST_TMPDIR/head"
	grep -qi "^Content-Security-Policy: default-src 'none'" "$BATS_TEST_TMPDIR/head"
}

@test "POST /api/convert?type=docx: the text of a .docx made by pandoc" {
	need_converters
	printf '# Wijkteam\n\nHet **wijkteam** versterkt de eigen kracht van bewoners.\n\nCafé, één & maatwerk.\n' |
	    pandoc -f markdown -t docx -o "$BATS_TEST_TMPDIR/nota.docx"
	run curl -s --max-time 30 --data-binary @"$BATS_TEST_TMPDIR/nota.docx" "$(url convert)?type=docx"
	assert_output "$(printf 'Wijkteam\n\nHet wijkteam versterkt de eigen kracht van bewoners.\n\nCafé, één & maatwerk.')"
}

@test "POST /api/convert: 415 for another type, 422 for a file that is not one, 413 over 16 MB" {
	need_converters
	[ "$(code --data x "$(url convert)?type=odt")" = 415 ]
	[ "$(code --data x "$(url convert)")" = 415 ]
	[ "$(code --data x "$(url convert)?type=PDF%00")" = 415 ]
	[ "$(code --data 'geen pdf' "$(url convert)?type=pdf")" = 422 ]
	[ "$(code --data-binary @"$FIX/pipelines/rapport.pdf" "$(url convert)?type=docx")" = 422 ]
	run code --data-binary @- "$(url convert)?type=pdf" < <(head -c 16777217 /dev/zero)
	assert_output 413
	[ "$(code -X PUT --data x "$(url convert)?type=pdf")" = 405 ]
	kill -0 "$(cat "$BATS_FILE_TMPDIR/pid")"
}

@test "without the converters in PATH: 501, and the start-up says so" {
	local d=$BATS_TEST_TMPDIR
	own_path=$(no_converters "$d") start_own "$d"
	run cat "$d/err"
	assert_output "tt-serve: cannot open .pdf: no pdftotext in PATH (Debian package poppler-utils)
tt-serve: cannot open .docx: no pandoc in PATH (Debian package pandoc)"
	run curl -s --max-time 10 "$(cat "$d/url")api/convert"
	assert_output '{"pdf":false,"docx":false}'
	run curl -s -w ' %{http_code}' --max-time 10 --data x "$(cat "$d/url")api/convert?type=pdf"
	assert_output "$(printf '%s\n 501' '{"error":"no pdftotext on the server (Debian package poppler-utils)"}')"
	[ "$(code --data x "$(cat "$d/url")api/convert?type=docx")" = 501 ]
}

@test "a converter that hangs is killed after --convert-time; one that writes too much is cut off" {
	local d=$BATS_TEST_TMPDIR
	mkdir "$d/fake"
	# the fakes note their process id, so the test can see they are gone
	printf '#!/bin/sh\necho $$ > %s/hang.pid\nsleep 60\n' "$d" > "$d/fake/pdftotext"
	printf '#!/bin/sh\necho $$ > %s/big.pid\nexec yes wijkteam\n' "$d" > "$d/fake/pandoc"
	chmod +x "$d/fake/pdftotext" "$d/fake/pandoc"
	own_path="$d/fake:$PATH" start_own "$d" --convert-time 1
	run curl -s -w ' %{http_code}' --max-time 20 --data x "$(cat "$d/url")api/convert?type=pdf"
	assert_output "$(printf '%s\n 504' '{"error":"the conversion took too long"}')"
	run kill -0 "$(cat "$d/hang.pid")"
	assert_failure
	# three at once: two are converted (and killed), the third is told to wait
	local pids=
	for i in 1 2 3; do
		code --data x "$(cat "$d/url")api/convert?type=pdf" > "$d/code$i" &
		pids="$pids $!"
	done
	# shellcheck disable=SC2086
	wait $pids
	run sort "$d/code1" "$d/code2" "$d/code3"
	assert_output "$(printf '503\n504\n504')"
	run curl -s -w ' %{http_code}' --max-time 20 --data x "$(cat "$d/url")api/convert?type=docx"
	assert_output "$(printf '%s\n 413' '{"error":"converted text over the limit of 4194304 bytes"}')"
	run kill -0 "$(cat "$d/big.pid")"
	assert_failure
	[ "$(code --data wijkteam "$(cat "$d/url")api/analyse")" = 200 ]
}

# no_converters DIR: a directory to be the whole PATH of a server that must
# not find pdftotext or pandoc (with valgrind in it, for make valgrind's
# wrappers, which find valgrind in PATH).
no_converters() {
	mkdir -p "$1/nopath"
	# not a link: Debian's valgrind is a script that runs "$0.bin"
	if command -v valgrind >/dev/null; then
		printf '#!/bin/sh\nexec %s "$@"\n' "$(command -v valgrind)" > "$1/nopath/valgrind"
		chmod +x "$1/nopath/valgrind"
	fi
	echo "$1/nopath"
}

@test "SIGTERM during a conversion: the answer still goes, then the server ends with 0" {
	local d=$BATS_TEST_TMPDIR rc=0 c
	mkdir "$d/fake"
	printf '#!/bin/sh\ncat > /dev/null\nsleep 1\necho omgezet\n' > "$d/fake/pdftotext"
	chmod +x "$d/fake/pdftotext"
	own_path="$d/fake:$PATH" start_own "$d" --convert-time 10
	curl -s --max-time 20 -w ' %{http_code}' --data x "$(cat "$d/url")api/convert?type=pdf" > "$d/answer" &
	c=$!
	sleep 0.4
	kill -TERM "$(cat "$d/pid")"
	wait "$(cat "$d/pid")" || rc=$?
	wait "$c"
	[ "$rc" -eq 0 ]
	run cat "$d/answer"
	assert_output "$(printf 'omgezet\n 200')"
}

# start_own DIR ARGS...: a second server with ARGS on a free loopback port,
# its URL in DIR/url, its pid in DIR/pid (stopped by the test's teardown);
# its PATH is $own_path when that is set.
start_own() {
	local dir=$1
	shift
	PATH=${own_path:-$PATH} "$ROOT/${TT_BIN:-bin}/tt-serve" --listen 127.0.0.1:0 \
	    -l "$SFIX/jargon.tsv" -s "$SFIX/score.tsv" "$@" \
	    > "$dir/url" 2> "$dir/err" 3>&- &
	echo $! > "$dir/pid"
	for _ in $(seq 300); do
		[ -s "$dir/url" ] && return 0
		sleep 0.1
	done
	echo "tt-serve did not start: $(cat "$dir/err")" >&2
	return 1
}

teardown() {
	if [ -f "$BATS_TEST_TMPDIR/pid" ]; then
		kill "$(cat "$BATS_TEST_TMPDIR/pid")" 2>/dev/null || true
	fi
}

port_of() {
	local u=${1%/}
	echo "${u##*:}"
}

@test "on loopback, a Host that is not this server answers 421 (DNS rebinding)" {
	local p
	p=$(port_of "$(base)")
	for h in "evil.example:$p" "127.0.0.1.evil.example:$p" "localhost:1$p" \
	    "127.0.0.1" "localhost" "[::2]:$p" "localhost.:$p" "x@127.0.0.1:$p"; do
		c=$(code -H "Host: $h" "$(base)")
		[ "$c" = 421 ] || { echo "$h: $c"; return 1; }
		c=$(code -H "Host: $h" --data wijkteam "$(url analyse)")
		[ "$c" = 421 ] || { echo "POST $h: $c"; return 1; }
	done
	# an HTTP/1.0 request without Host
	[ "$(code --http1.0 -H 'Host:' "$(base)")" = 421 ]
	for h in "127.0.0.1:$p" "localhost:$p" "LocalHost:$p" "[::1]:$p"; do
		c=$(code -H "Host: $h" "$(base)")
		[ "$c" = 200 ] || { echo "$h: $c"; return 1; }
	done
	run curl -s --max-time 10 -H "Host: evil.example:$p" "$(url lexicon)"
	assert_output '{"error":"this server answers only to the Host 127.0.0.1, localhost or [::1] with its port"}'
}

@test "with --listen 0.0.0.0 any Host is answered" {
	local d=$BATS_TEST_TMPDIR u
	start_own "$d" --listen 0.0.0.0:0
	u="http://127.0.0.1:$(port_of "$(cat "$d/url")")/"
	[ "$(code -H 'Host: tt.lokaal:8080' "$u")" = 200 ]
	[ "$(code -H 'Host: 192.168.1.20:8080' --data wijkteam "${u}api/analyse")" = 200 ]
}

@test "a half-sent request is closed after --timeout seconds without an answer" {
	local d=$BATS_TEST_TMPDIR p rc=0
	start_own "$d" --timeout 1
	p=$(port_of "$(cat "$d/url")")
	exec 5<>"/dev/tcp/127.0.0.1/$p"
	printf 'POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Le' "$p" >&5
	# the server closes it: cat sees the end well before timeout's 8 s
	timeout 8 cat <&5 > "$d/answer" || rc=$?
	exec 5>&-
	[ "$rc" -eq 0 ]
	[ ! -s "$d/answer" ]
	# a body that stops half-way is closed too
	exec 5<>"/dev/tcp/127.0.0.1/$p"
	printf 'POST /api/analyse HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Length: 100\r\n\r\nwijk' "$p" >&5
	rc=0
	timeout 8 cat <&5 > "$d/answer" || rc=$?
	exec 5>&-
	[ "$rc" -eq 0 ]
	# and the server still answers
	[ "$(code --data wijkteam "$(cat "$d/url")api/analyse")" = 200 ]
}

@test "more connections than --max-connections: the rest closed at once, answers after" {
	local d=$BATS_TEST_TMPDIR p u rc=0 i
	start_own "$d" --max-connections 3 --timeout 60
	u=$(cat "$d/url")
	p=$(port_of "$u")
	exec 5<>"/dev/tcp/127.0.0.1/$p" 6<>"/dev/tcp/127.0.0.1/$p" 7<>"/dev/tcp/127.0.0.1/$p"
	for i in 5 6 7; do
		printf 'GET / HTTP/1.1\r\n' >&"$i"
	done
	sleep 0.5
	# refused: an empty reply (52) or a reset (56), not a wait (28)
	run curl -s -o /dev/null --max-time 8 "$u"
	[ "$status" -eq 52 ] || [ "$status" -eq 56 ] || { echo "curl: $status"; return 1; }
	exec 5>&- 6>&- 7>&-
	for i in $(seq 50); do
		[ "$(code "$u")" = 200 ] && break
		sleep 0.1
	done
	[ "$(code "$u")" = 200 ]
	[ "$(code --data wijkteam "${u}api/analyse")" = 200 ]
}

@test "--timeout, --max-connections and --convert-time take only numbers in range" {
	for a in "--timeout 0" "--timeout x" "--timeout 3601" "--max-connections 0" \
	    "--max-connections 1001" "-c -1" "--convert-time 0" "--convert-time 601" "-T 1x"; do
		# shellcheck disable=SC2086
		run --separate-stderr tt-serve --listen 127.0.0.1:0 $a
		[ "$status" -eq 2 ] || { echo "$a: $status"; return 1; }
		[[ "$stderr" == "tt-serve: --"* ]] || [[ "$stderr" == "tt-serve: "*"option"* ]] ||
		    { echo "$a: $stderr"; return 1; }
	done
}

@test "make serve: tt-serve on the lexicons in lexicons/, on the LISTEN given" {
	local d=$BATS_TEST_TMPDIR u i
	# its own session, so that make and the server it execs stop together;
	# as a user types it, not as a sub-make of make check
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
	    setsid make -s --no-print-directory -C "$ROOT" serve LISTEN=127.0.0.1:0 \
	    > "$d/url" 2> "$d/err" 3>&- &
	echo $! > "$d/pid.make"
	for i in $(seq 300); do
		[ -s "$d/url" ] && break
		sleep 0.1
	done
	u=$(cat "$d/url")
	run curl -s --max-time 10 "${u}api/lexicon"
	kill -- "-$(cat "$d/pid.make")" 2>/dev/null || true
	assert_output --partial '"entry":"transitietaal:eigen-kracht"'
	assert_output --partial '"entry":"formeel-informeel:'
	[[ "$u" == http://127.0.0.1:*/ ]]
}

@test "the workshop's browser track: the figures it quotes for the paragraph and its rewrite" {
	local d=$BATS_TEST_TMPDIR u
	"$ROOT/${TT_BIN:-bin}/tt-serve" --listen 127.0.0.1:0 -l "$ROOT/lexicons/transitietaal.tsv" \
	    -s "$ROOT/lexicons/formeel-informeel.tsv" > "$d/url" 2> "$d/err" 3>&- &
	echo $! > "$d/pid"
	for _ in $(seq 300); do [ -s "$d/url" ] && break; sleep 0.1; done
	u=$(cat "$d/url")
	# docs/workshop.md: "Begin: 110,2 jargon per 1.000 woorden, balans register +1,00"
	run curl -s --max-time 10 --data-binary @"$ROOT/docs/workshop/aanleiding.txt" "${u}api/analyse"
	assert_output --partial '"per1000":110.2362}'
	assert_output --partial '{"name":"register","F":'
	[[ "$output" == *'"name":"register",'*'"balance":1}'* ]]
	grep -qF 'Begin: 110,2 jargon per 1.000 woorden, balans register +1,00' "$ROOT/docs/workshop.md"
	# "(De voorbeeldherschrijving aanleiding-eenvoudig.txt haalt 7,5 en register −1,00.)"
	run curl -s --max-time 10 --data-binary @"$ROOT/docs/workshop/aanleiding-eenvoudig.txt" "${u}api/analyse"
	assert_output --partial '"per1000":7.5188}'
	[[ "$output" == *'"name":"register",'*'"balance":-1}'* ]]
	grep -qF 'haalt 7,5 en register −1,00' "$ROOT/docs/workshop.md"
}

# ---- the page in headless Chromium ---------------------------------------

chromium_dom() {
	command -v chromium >/dev/null || skip "no chromium"
	timeout 60 chromium --headless --no-sandbox --disable-gpu \
	    --virtual-time-budget=5000 --dump-dom "$1" 2>/dev/null | tr '\n' ' '
}

SAMPLE='Derhalve%20helpt%20het%20wijkteam%20gewoon.%0ADe%20buren%3A%20eigen%20kracht!%20%3Cscript%3Ealert(1)%3C%2Fscript%3E'

@test "chromium: the page marks the hits and markers of the sample" {
	run chromium_dom "$(base)?text=$SAMPLE"
	assert_success
	run grep -oE '<mark [^>]*data-entry="[^"]*" data-category="[^"]*" data-alternative="[^"]*"' <<<"$output"
	assert_output "$(printf '%s\n' \
	    '<mark class="c1" data-entry="jargon:wijkteam" data-category="actor-formeel" data-alternative="team in de wijk"' \
	    '<mark class="c0" data-entry="jargon:eigen-kracht" data-category="burgerkracht" data-alternative="wat je zelf kunt"')"
}

@test "chromium: the formal/informal markers carry their pole and dimension" {
	run chromium_dom "$(base)?text=$SAMPLE"
	run grep -oE 'data-pole="[FI]" data-dimension="[a-z]+" data-marker="[^"]*" title="[^"]*">[^<]*' <<<"$output"
	assert_output "$(printf '%s\n' \
	    'data-pole="F" data-dimension="register" data-marker="score:rf-derhalve" title="formeel (register): Derhalve — score:rf-derhalve Alternatief: daarom">Derhalve' \
	    'data-pole="I" data-dimension="register" data-marker="score:ri-gewoon" title="informeel (register): gewoon — score:ri-gewoon">gewoon' \
	    'data-pole="I" data-dimension="bestuurlijk" data-marker="score:bi-buur" title="informeel (bestuurlijk): buren — score:bi-buur">buren')"
}

@test "chromium: the balances and jargon per 1,000 words show numbers" {
	run chromium_dom "$(base)?text=$SAMPLE"
	assert_output --partial 'id="per1000">166,7<'
	assert_output --partial '<span class="label">Balans register </span><span class="waarde">0,00<'
	assert_output --partial '<span class="waarde">-1,00<'
}

@test "chromium: an inserted <script> stays text and does not run" {
	run chromium_dom "$(base)?text=$SAMPLE"
	assert_output --partial '&lt;script&gt;alert(1)&lt;/script&gt;</div>'
	no_match -F '<script>alert' <<<"$output"
}

@test "chromium: the file button takes .pdf and .docx when the server has the converters" {
	need_converters
	run chromium_dom "$(base)"
	assert_output --partial 'accept=".txt,.vtt,.srt,.pdf,.docx"'
	assert_output --partial 'Soorten bestanden: .txt, .vtt, .srt, .pdf, .docx.'
	# the browser's own button speaks the browser's language; the page's
	# label is Dutch, and a keyboard user can skip the marks to the terms
	assert_output --partial '<label class="knop" for="bestand">Bestand openen…</label>'
	assert_output --partial '<a class="naar-termen" href="#termen">Naar de lijst met termen</a>'
	local d=$BATS_TEST_TMPDIR
	own_path=$(no_converters "$d") start_own "$d"
	run chromium_dom "$(cat "$d/url")"
	assert_output --partial 'accept=".txt,.vtt,.srt"'
	assert_output --partial 'Soorten bestanden: .txt, .vtt, .srt.'
}

@test "chromium: Tab to a mark far down a long text: the mark has a focus ring, its explanation is in sight" {
	command -v chromium >/dev/null || skip "no chromium"
	local t
	# shellcheck disable=SC2046
	t=$(printf 'Regel %s: het wijkteam helpt, met eigen kracht.%%0A' $(seq 120))
	run timeout 120 python3 "$ROOT/tests/tt-serve-focus.py" "$(base)?text=$t"
	assert_success
	assert_output --partial '"entry": "jargon:'
	assert_output --partial '"explainInView": true, "explainsMark": true, "markInView": true, "outline": "solid 3px"'
}

@test "chromium: a screenshot of the page can be taken" {
	command -v chromium >/dev/null || skip "no chromium"
	run timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	    --virtual-time-budget=5000 --window-size=1280,900 \
	    --screenshot="$BATS_TEST_TMPDIR/serve.png" "$(base)?text=$SAMPLE"
	[ -s "$BATS_TEST_TMPDIR/serve.png" ]
	[ "$(head -c 4 "$BATS_TEST_TMPDIR/serve.png" | od -An -tx1 | tr -d ' ')" = 89504e47 ]
}
