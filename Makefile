# transitietaal - build, check, install, demo, bench, fuzz, sanitize.
#
# `make demo` and `make check` are all a new user runs: on a fresh Debian 12
# machine the `deps` step installs what is missing with apt-get (as root) or
# prints the exact command to run (as anyone else). A plain `make` asks only
# for what the build needs; the demo and the tests ask for the rest.

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
DATADIR	 = $(PREFIX)/share/transitietaal

CC	?= cc
# Link-time optimisation lets the hot paths inline across the library's
# files (the reader into the stream, the hash into the caches).
CFLAGS	?= -O2 -g -flto=auto
WERROR	?=
WARN	 = -std=c11 -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes $(WERROR)
CPPFLAGS_TT = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ifilters/lib \
	  -DTT_DATADIR='"$(DATADIR)"'
LDLIBS_TT = -lpcre2-8 -lutf8proc -lstemmer -lm
# Each program links only the libraries its part of the library needs: the
# text filters no libstemmer and no PCRE2 (ldd bin/tt-normalise shows it).
# A program not named here links all of LDLIBS_TT.
LDLIBS_tt-normalise = -lutf8proc -lm
LDLIBS_tt-tokenise  = -lutf8proc -lm
LDLIBS_tt-stem	    = -lutf8proc -lstemmer -lm

BUILD	?= build
BIN	?= bin

PROGS	 = $(patsubst filters/%.c,%,$(wildcard filters/tt-*.c))
LIBSRC	 = $(wildcard filters/lib/*.c)
LIBOBJ	 = $(patsubst filters/lib/%.c,$(BUILD)/lib/%.o,$(LIBSRC))
LIBHDR	 = $(wildcard filters/lib/*.h)
# The pipelines, and the awk programs they run from their own directory
# (tt-scan-trend.awk, for tt-scan --trend): installed side by side.
SCRIPTS	 = $(filter-out %.1,$(wildcard pipelines/tt-*))
MAN1	 = $(wildcard filters/*.1 pipelines/*.1)
MAN5	 = $(wildcard filters/*.5)
LEXICONS = $(wildcard lexicons/*.tsv lexicons/*.txt)

# Debian packages the build needs (a plain `make`), and those the tests and
# the demo need besides (`make check`, `make demo`).
DEB_BUILD = gcc make pkg-config libpcre2-dev libstemmer-dev libutf8proc-dev \
	    libmicrohttpd-dev
DEB_TEST  = bats bats-assert bats-support locales groff-base groff poppler-utils \
	    pandoc gnuplot-nox graphviz parallel util-linux libxml2-utils chromium \
	    bsdextrautils
# `make check-scale` besides: a real sshd and a single-node Slurm cluster.
DEB_SCALE = openssh-server openssh-client rsync slurm-wlm munge parallel iproute2 \
	    passwd
STAMP	 = $(BUILD)/.deps-ok
TEST_STAMP = $(BUILD)/.test-deps-ok

all: $(STAMP) $(addprefix $(BIN)/,$(PROGS))

$(BUILD)/lib/%.o: filters/lib/%.c $(LIBHDR) | $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_TT) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

$(BUILD)/libtt.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BIN)/%: filters/%.c $(BUILD)/libtt.a $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_TT) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libtt.a $(or $(LDLIBS_$*),$(LDLIBS_TT)) $(LDLIBS)

# tt-serve alone links libmicrohttpd; its page, style and script are
# compiled in (filters/serve/, embedded by embed.sh).
SERVE_ASSETS = filters/serve/page.html filters/serve/style.css filters/serve/app.js
CFLAGS_SERVE = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
LDLIBS_SERVE = $(shell pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd) -pthread

$(BUILD)/serve/serve-assets.h: $(SERVE_ASSETS) filters/serve/embed.sh | $(STAMP)
	@mkdir -p $(@D)
	sh filters/serve/embed.sh $(SERVE_ASSETS) > $@.tmp && mv $@.tmp $@

$(BIN)/tt-serve: filters/tt-serve.c $(BUILD)/serve/serve-assets.h $(BUILD)/libtt.a $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_TT) -I$(BUILD)/serve $(CFLAGS_SERVE) $(CPPFLAGS) $(WARN) \
	    $(CFLAGS) -pthread $(LDFLAGS) -o $@ $< $(BUILD)/libtt.a $(LDLIBS_TT) \
	    $(LDLIBS_SERVE) $(LDLIBS)

# Checks the libraries and tools once; installs them or says how.
$(STAMP):
	@sh tests/deps.sh $(DEB_BUILD)
	@mkdir -p $(@D) && touch $@

$(TEST_STAMP): | $(STAMP)
	@sh tests/deps.sh $(DEB_TEST)
	@mkdir -p $(@D) && touch $@

deps:
	@rm -f $(STAMP) $(TEST_STAMP)
	@$(MAKE) --no-print-directory $(STAMP) $(TEST_STAMP)

check: all $(TEST_STAMP)
	sh tests/run.sh

# Scale-out on real engines (tests/scale.bats): the --sshlogin recipe of
# docs/scale-out.md through a real sshd and a second user, the Slurm job
# array on a single-node cluster. It starts daemons and creates a user, so
# it runs as root only (daemons on 127.0.0.1, stopped when it ends); as
# anyone else it says so and does nothing. Not part of `make check`.
check-scale:
	@if [ "$$(id -u)" -ne 0 ]; then \
	    echo "check-scale: skipped: it must run as root (it starts sshd, munged, slurmctld and slurmd, and adds a user)"; \
	else \
	    $(MAKE) --no-print-directory all $(TEST_STAMP) && \
	    sh tests/deps.sh $(DEB_SCALE) && TT_JOBS=1 sh tests/run.sh tests/scale.bats; \
	fi

# Everything built with AddressSanitizer and UBSan, the whole suite run on it.
sanitize: $(STAMP) $(TEST_STAMP)
	$(MAKE) BUILD=build/asan BIN=build/asan/bin \
	    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    TT_HOSTILE_TIMEOUT=180 TT_BIN=build/asan/bin sh tests/run.sh

# The C programs' own suites (tests/PROG.bats for each program in filters/,
# and toolkit.bats, which runs them all) with every program run under
# valgrind's memcheck: any memory error or leak makes the program exit 99
# and its test fail. Valgrind is here for what ASan cannot see: reads of
# uninitialised memory, in the optimised build that is installed (not
# ASan's -O1 rebuild), down into the uninstrumented libpcre2, libutf8proc
# and libstemmer. Each filter's suite drives its options and inputs; the
# pipelines' suites (tt-analyse, tt-scan, tt-report, parallel, workshop)
# run the same filters with options those suites cover, through shell,
# and spend most of their valgrind time starting valgrind for hundreds of
# short runs, so their programs run under ASan and UBSan in
# `make sanitize` only, as does the hostile-input matrix (10 MB lines, a
# million lines, for every program), which under valgrind would take an
# hour.
# --vgdb=no: valgrind's gdbserver FIFOs in /tmp are named by process id
# only; one left by a killed run as root stops a later run as nobody (the
# tests that drop rights) whose process id is the same.
VALGRIND_TESTS = $(foreach p,$(PROGS),$(wildcard tests/$(p).bats tests/$(p)-*.bats)) \
		 tests/toolkit.bats
VALGRIND = valgrind -q --vgdb=no --error-exitcode=99 --leak-check=full \
	   --errors-for-leak-kinds=definite,indirect \
	   --show-leak-kinds=definite,indirect
valgrind: all $(TEST_STAMP)
	@sh tests/deps.sh valgrind
	@rm -rf $(BUILD)/valgrind/bin && mkdir -p $(BUILD)/valgrind/bin
	@for p in $(PROGS); do \
	    printf '#!/bin/sh\nTT_NO_JIT=1 exec $(VALGRIND) "%s" "$$@"\n' \
	        "$(CURDIR)/$(BIN)/$$p" > $(BUILD)/valgrind/bin/$$p; \
	    chmod +x $(BUILD)/valgrind/bin/$$p; done
	TT_BIN=$(BUILD)/valgrind/bin sh tests/run.sh $(VALGRIND_TESTS)

demo: all $(TEST_STAMP)
	@sh pipelines/demo.sh

# The demo's report as one HTML page, and as a PNG rendered by headless
# Chromium, to look at: build/demo/report.html and report.png.
report: all $(TEST_STAMP)
	@sh tests/deps.sh chromium
	@sh pipelines/demo.sh report

bench: all
	@sh bench/run.sh

# tt-serve alone (make bench runs it too): requests per second for a
# 1,000-word text (loopback, bounded), and a key press to the updated marks
# for a 10,000-word text in headless Chromium.
bench-serve: all
	@sh bench/serve.sh

# The page on the samples' lexicons in lexicons/: http://127.0.0.1:8080/
# (LISTEN=0.0.0.0:8080 for a classroom; docs/workshop.md, "Alleen de browser").
LISTEN	?= 127.0.0.1:8080
serve: all
	exec $(BIN)/tt-serve --listen $(LISTEN) -l lexicons/transitietaal.tsv \
	    -s lexicons/formeel-informeel.tsv

# libFuzzer targets in tests/fuzz/, each built with the whole library under
# ASan and UBSan; tests/fuzz/run.sh replays each one's saved regressions,
# then fuzzes it for FUZZ_TIME seconds from seeds taken from samples/ and the
# test fixtures.
# The reader's buffer and map window are made small, so that inputs of the
# fuzzers' size cross their edges.
FUZZ_TIME ?= 30
FUZZ_CC	 ?= clang
FUZZERS	 = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz-*.c))

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIBSRC) $(LIBHDR) | $(STAMP) $(BUILD)/.fuzz-deps-ok
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_TT) -D_GNU_SOURCE -Itests/fuzz -g -O1 \
	    -DREAD_SIZE=4096 -DMAP_WINDOW=4096 \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $@ $< $(LIBSRC) $(LDLIBS_TT)

$(BUILD)/.fuzz-deps-ok:
	@sh tests/deps.sh clang libclang-rt-14-dev
	@mkdir -p $(@D) && touch $@

fuzz: $(BUILD)/.fuzz-deps-ok $(addprefix $(BUILD)/fuzz/,$(FUZZERS))
	@sh tests/fuzz/run.sh $(BUILD) $(FUZZ_TIME) $(FUZZERS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/lexicons
	cp $(addprefix $(BIN)/,$(PROGS)) $(DESTDIR)$(BINDIR)/
	$(if $(SCRIPTS),cp $(SCRIPTS) $(DESTDIR)$(BINDIR)/)
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	$(if $(MAN5),cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/)
	cp $(LEXICONS) $(DESTDIR)$(DATADIR)/lexicons/

uninstall:
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(PROGS) $(notdir $(SCRIPTS)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) $(BIN)

.PHONY: all deps check check-scale sanitize valgrind demo report bench bench-serve serve fuzz install uninstall \
	clean
