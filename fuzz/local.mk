# libFuzzer harnesses, built with clang outside the normal build (they are
# not part of `make check`): `make fuzz` builds them, `make fuzz-smoke` runs
# each for a few seconds on its committed seed corpus and fails on a finding.
# Included at the end of Makefile.am. See fuzz/README.md.
#
# A harness of kind KIND is fuzz/fuzz_KIND.c, linked against the library
# built again for libFuzzer (fuzz/libvenvhook-fuzz.a: every C file of
# libvenvhook_a_SOURCES, so a harness needs no list of what it tests and a
# moved or new dependency cannot break its link), with seeds in
# fuzz/corpus/KIND/ and optionally fuzz/KIND.dict and fuzz/KIND.options
# (libFuzzer flags). To add one: add the binary to FUZZ_SIMPLE (or a rule
# of its own) and KIND:binary to FUZZ_SMOKE.

FUZZ_CC = clang
FUZZ_AR = ar
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -include $(top_builddir)/config.h -I$(srcdir) \
	$(INIH_CFLAGS)
# The seconds each harness runs in fuzz-smoke.
FUZZ_SECONDS = 4

# The library's files, from the lists Makefile.am builds it from (headers
# too: a changed one rebuilds the archive); the embedded hooks are
# generated in the build tree. One rule compiles them all (a pattern rule
# would be GNU make's; the harnesses are for developers, and this keeps
# automake's portability check).
fuzz/libvenvhook-fuzz.a: $(libvenvhook_a_SOURCES) hooks/embedded.c config.h
	$(AM_V_GEN)rm -rf fuzz/obj $@ && $(MKDIR_P) fuzz/obj && \
	for f in $(libvenvhook_a_SOURCES) hooks/embedded.c; do \
		case $$f in *.c) ;; *) continue ;; esac; \
		src=$$f; test -f "$$src" || src=$(srcdir)/$$f; \
		$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o fuzz/obj/`echo "$$f" | sed 's|/|_|g; s|\.c$$|.o|'` "$$src" || exit 1; \
	done && $(FUZZ_AR) rcs $@ fuzz/obj/*.o

# What every harness links after the archive: the system's shared libinih
# (INIH_SHARED_LIBS, even where venvhook links its static archive: not a
# copy; fuzz_pyvenv defines ini_parse_stream, to check the reader's writes
# against the buffer size, and calls libinih's through dlsym(RTLD_NEXT),
# so the library must be linked even where nothing else asks for it) and
# what configure found for the rest (dlopen for libgit2 and SHA-256).
FUZZ_LINK = fuzz/libvenvhook-fuzz.a -Wl,--no-as-needed $(INIH_SHARED_LIBS) -Wl,--as-needed $(LIBS) -ldl

# Each of these is its one .c file and the archive.
FUZZ_SIMPLE = fuzz/fuzz_pyvenv fuzz/fuzz_toml fuzz/fuzz_trust fuzz/fuzz_madeby fuzz/fuzz_condaenv \
	fuzz/fuzz_condarc fuzz/fuzz_json
$(FUZZ_SIMPLE): fuzz/libvenvhook-fuzz.a config.h
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(srcdir)/$@.c $(FUZZ_LINK)
fuzz/fuzz_pyvenv: $(srcdir)/fuzz/fuzz_pyvenv.c
fuzz/fuzz_toml: $(srcdir)/fuzz/fuzz_toml.c
fuzz/fuzz_trust: $(srcdir)/fuzz/fuzz_trust.c
fuzz/fuzz_madeby: $(srcdir)/fuzz/fuzz_madeby.c
fuzz/fuzz_condaenv: $(srcdir)/fuzz/fuzz_condaenv.c
fuzz/fuzz_condarc: $(srcdir)/fuzz/fuzz_condarc.c
fuzz/fuzz_json: $(srcdir)/fuzz/fuzz_json.c

# One binary per shell of configure.ac's list; each drives that real shell
# through the registry's emitters (shells/) and embedded hooks.
FUZZ_QUOTE_HARNESSES = $(HOOK_SHELLS:%=fuzz/fuzz_quote_%)
$(FUZZ_QUOTE_HARNESSES): $(srcdir)/fuzz/fuzz_quote.c fuzz/libvenvhook-fuzz.a config.h
	$(AM_V_CCLD)sh=`echo $@ | sed 's|.*fuzz_quote_||'` && \
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DVH_FUZZ_SHELL="\"$$sh\"" -o $@ $(srcdir)/fuzz/fuzz_quote.c $(FUZZ_LINK)

FUZZ_HARNESSES = $(FUZZ_SIMPLE) $(FUZZ_QUOTE_HARNESSES)
FUZZ_SMOKE = pyvenv:fuzz/fuzz_pyvenv toml:fuzz/fuzz_toml trust:fuzz/fuzz_trust madeby:fuzz/fuzz_madeby \
	condaenv:fuzz/fuzz_condaenv condarc:fuzz/fuzz_condarc json:fuzz/fuzz_json \
	$(HOOK_SHELLS:%=quote:fuzz/fuzz_quote_%)

fuzz: $(FUZZ_HARNESSES)

# The long run, not CI's: the parsers of files a project or the user keeps
# (TOML, pyvenv.cfg, the trust file) at inputs up to 1 MiB (VH_READ_MAX),
# FUZZ_LONG_SECONDS each, starting from the pathological shapes
# fuzz/longseeds writes; a harness past FUZZ_LONG_RSS_MB is a finding.
FUZZ_LONG_SECONDS = 600
FUZZ_LONG_RSS_MB = 2048
FUZZ_LONG = toml:fuzz/fuzz_toml pyvenv:fuzz/fuzz_pyvenv trust:fuzz/fuzz_trust condaenv:fuzz/fuzz_condaenv \
	condarc:fuzz/fuzz_condarc json:fuzz/fuzz_json
fuzz-long: fuzz/fuzz_toml fuzz/fuzz_pyvenv fuzz/fuzz_trust fuzz/fuzz_condaenv fuzz/fuzz_condarc fuzz/fuzz_json
	$(AM_V_at)seeds=`mktemp -d` && $(SHELL) $(srcdir)/fuzz/longseeds "$$seeds" && \
	FUZZ_SECONDS='$(FUZZ_LONG_SECONDS)' FUZZ_SEEDS="$$seeds" \
	FUZZ_FLAGS='-max_len=1048576 -rss_limit_mb=$(FUZZ_LONG_RSS_MB) -timeout=60' \
	$(SHELL) $(srcdir)/fuzz/smoke $(srcdir)/fuzz fuzz/findings $(FUZZ_LONG); \
	rc=$$?; rm -rf "$$seeds"; exit $$rc

fuzz-smoke: fuzz
	$(AM_V_at)@VH_SHELL_ENV@ FUZZ_SECONDS='$(FUZZ_SECONDS)' \
	$(SHELL) $(srcdir)/fuzz/smoke $(srcdir)/fuzz fuzz/findings $(FUZZ_SMOKE)

clean-local: clean-fuzz
clean-fuzz:
	-rm -f $(FUZZ_HARNESSES) fuzz/libvenvhook-fuzz.a
	-rm -rf fuzz/obj
	-rm -rf fuzz/findings
.PHONY: fuzz fuzz-smoke fuzz-long clean-fuzz

EXTRA_DIST += fuzz/README.md fuzz/smoke fuzz/longseeds fuzz/fuzz_pyvenv.c fuzz/fuzz_quote.c fuzz/fuzz_trust.c fuzz/fuzz_toml.c fuzz/fuzz_madeby.c fuzz/fuzz_condaenv.c fuzz/fuzz_condarc.c fuzz/fuzz_json.c \
	fuzz/condarc.dict \
	fuzz/madeby.dict fuzz/madeby.options \
	fuzz/toml.dict fuzz/toml.options \
	fuzz/pyvenv.dict fuzz/pyvenv.options fuzz/quote.dict fuzz/quote.options fuzz/corpus
