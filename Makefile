# transitietaal - build, check, install, demo, bench, fuzz, sanitize.
#
# `make demo` and `make check` are all a new user runs: on a fresh Debian 12
# machine the `deps` step installs what is missing with apt-get (as root) or
# prints the exact command to run (as anyone else).

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
SCRIPTS	 = $(filter-out %.1,$(wildcard pipelines/tt-*))
MAN1	 = $(wildcard filters/*.1 pipelines/*.1)
MAN5	 = $(wildcard filters/*.5)
LEXICONS = $(wildcard lexicons/*.tsv lexicons/*.txt)

# Debian packages the build, the tests and the demo need.
DEB_BUILD = gcc make pkg-config libpcre2-dev libstemmer-dev libutf8proc-dev
DEB_TEST  = bats bats-assert bats-support locales groff-base groff poppler-utils \
	    pandoc gnuplot-nox graphviz parallel util-linux libxml2-utils chromium \
	    bsdextrautils
STAMP	 = $(BUILD)/.deps-ok

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

# Checks the libraries and tools once; installs them or says how.
$(STAMP):
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_TEST)
	@mkdir -p $(@D) && touch $@

deps:
	@rm -f $(STAMP)
	@$(MAKE) --no-print-directory $(STAMP)

check: all
	sh tests/run.sh

# Everything built with AddressSanitizer and UBSan, the whole suite run on it.
sanitize: $(STAMP)
	$(MAKE) BUILD=build/asan BIN=build/asan/bin \
	    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    TT_HOSTILE_TIMEOUT=180 TT_BIN=build/asan/bin sh tests/run.sh

# The suite with every program run under valgrind's memcheck: any memory
# error or leak makes the program exit 99 and its test fail. The filters'
# and the pipelines' tests take about half an hour so; the hostile-input
# matrix (10 MB lines, a million lines, for every program) would take
# nearly an hour more, and runs under ASan in `make sanitize` instead.
# --vgdb=no: valgrind's gdbserver FIFOs in /tmp are named by process id
# only; one left by a killed run as root stops a later run as nobody (the
# tests that drop rights) whose process id is the same.
VALGRIND_TESTS = $(filter-out tests/hostile.bats,$(wildcard tests/*.bats))
VALGRIND = valgrind -q --vgdb=no --error-exitcode=99 --leak-check=full \
	   --errors-for-leak-kinds=definite,indirect \
	   --show-leak-kinds=definite,indirect
valgrind: all
	@sh tests/deps.sh valgrind
	@rm -rf $(BUILD)/valgrind/bin && mkdir -p $(BUILD)/valgrind/bin
	@for p in $(PROGS); do \
	    printf '#!/bin/sh\nTT_NO_JIT=1 exec $(VALGRIND) "%s" "$$@"\n' \
	        "$(CURDIR)/$(BIN)/$$p" > $(BUILD)/valgrind/bin/$$p; \
	    chmod +x $(BUILD)/valgrind/bin/$$p; done
	TT_BIN=$(BUILD)/valgrind/bin sh tests/run.sh $(VALGRIND_TESTS)

demo: all
	@sh pipelines/demo.sh

# The demo's report as one HTML page, and as a PNG rendered by headless
# Chromium, to look at: build/demo/report.html and report.png.
report: all
	@sh tests/deps.sh chromium
	@sh pipelines/demo.sh report

bench: all
	@sh bench/run.sh

# libFuzzer targets in tests/fuzz/, each built with the whole library under
# ASan and UBSan, first replaying the saved regressions, then fuzzing for
# FUZZ_TIME seconds from seeds taken from samples/ and the test fixtures.
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
	@failed=; for f in $(FUZZERS); do \
	    mkdir -p $(BUILD)/fuzz/corpus/$$f tests/fuzz/regressions/$$f; \
	    if [ -n "$$(ls tests/fuzz/regressions/$$f)" ] && \
	        ! $(BUILD)/fuzz/$$f tests/fuzz/regressions/$$f/* >/dev/null 2>&1; then \
	        echo "fuzz: $$f: a saved regression fails again"; \
	        failed="$$failed $$f"; continue; fi; \
	    echo "fuzz: $$f: regressions pass; fuzzing $(FUZZ_TIME) s"; \
	    if ! $(BUILD)/fuzz/$$f -max_total_time=$(FUZZ_TIME) -timeout=10 \
	        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	        -artifact_prefix=$(BUILD)/fuzz/$$f- \
	        $(BUILD)/fuzz/corpus/$$f tests/fuzz/seeds samples tests/fixtures \
	        2>$(BUILD)/fuzz/$$f.log; then \
	        tail -40 $(BUILD)/fuzz/$$f.log; \
	        echo "fuzz: $$f: crash saved as $(BUILD)/fuzz/$$f-*;" \
	             "add it to tests/fuzz/regressions/$$f/"; \
	        failed="$$failed $$f"; continue; fi; \
	    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' \
	        $(BUILD)/fuzz/$$f.log | sed "s/^/fuzz: $$f: /"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi

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

.PHONY: all deps check sanitize valgrind demo report bench fuzz install uninstall clean
