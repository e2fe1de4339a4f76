# libFuzzer harnesses, built with clang outside the normal build (they are
# not part of `make check`): `make fuzz` builds them, `make fuzz-smoke` runs
# each for a few seconds on its committed seed corpus and fails on a finding.
# Included at the end of Makefile.am. See fuzz/README.md.
#
# A harness of kind KIND is fuzz/fuzz_KIND.c, built to fuzz/fuzz_KIND (one
# rule below, listing the sources it tests), with seeds in fuzz/corpus/KIND/,
# and optionally fuzz/KIND.dict and fuzz/KIND.options (libFuzzer flags). To
# add one: copy the fuzz/fuzz_pyvenv rule, and add the binary to
# FUZZ_HARNESSES and KIND:binary to FUZZ_SMOKE.

FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -include $(top_builddir)/config.h -I$(srcdir) \
	$(INIH_CFLAGS)
# The seconds each harness runs in fuzz-smoke.
FUZZ_SECONDS = 4

# Through the system's shared libinih (INIH_SHARED_LIBS, even where venvhook
# links its static archive): not a copy. Linked even
# though the harness defines ini_parse_stream (to check the reader's writes
# against the buffer size) and calls libinih's through dlsym(RTLD_NEXT).
FUZZ_PYVENV_SRCS = $(srcdir)/fuzz/fuzz_pyvenv.c $(srcdir)/core/find/pyvenv.c $(srcdir)/core/util/fileio.c $(srcdir)/core/util/hex.c \
	$(srcdir)/core/util/writers.c $(srcdir)/core/util/compat.c $(srcdir)/core/util/pathlist.c $(srcdir)/core/util/buf.c $(srcdir)/core/util/msg.c
fuzz/fuzz_pyvenv: $(FUZZ_PYVENV_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && \
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_PYVENV_SRCS) -Wl,--no-as-needed $(INIH_SHARED_LIBS) -ldl

FUZZ_TOML_SRCS = $(srcdir)/fuzz/fuzz_toml.c $(srcdir)/core/util/toml.c $(srcdir)/core/util/fileio.c $(srcdir)/core/util/hex.c \
	$(srcdir)/core/util/writers.c $(srcdir)/core/util/compat.c $(srcdir)/core/util/pathlist.c $(srcdir)/core/util/buf.c $(srcdir)/core/util/msg.c
fuzz/fuzz_toml: $(FUZZ_TOML_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && $(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_TOML_SRCS)

FUZZ_TRUST_SRCS = $(srcdir)/fuzz/fuzz_trust.c $(srcdir)/core/trust/trust.c $(srcdir)/core/util/compat.c \
	$(srcdir)/core/util/pathlist.c $(srcdir)/core/util/fileio.c $(srcdir)/core/util/hex.c \
	$(srcdir)/core/util/xdg.c $(srcdir)/core/util/buf.c $(srcdir)/core/util/writers.c $(srcdir)/core/util/msg.c \
	$(srcdir)/core/find/envmarker.c
fuzz/fuzz_trust: $(FUZZ_TRUST_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && $(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_TRUST_SRCS)

# The made-here rule's reader of command lines (core/trust/madeby.c).
FUZZ_MADEBY_SRCS = $(srcdir)/fuzz/fuzz_madeby.c $(srcdir)/core/trust/madeby.c $(srcdir)/core/util/buf.c
fuzz/fuzz_madeby: $(FUZZ_MADEBY_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && $(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_MADEBY_SRCS)

# environment.yml's top-level name: (core/find/condaenv.c); the lookup's
# dependencies are stubs in the harness.
FUZZ_CONDAENV_SRCS = $(srcdir)/fuzz/fuzz_condaenv.c $(srcdir)/core/find/condaenv.c \
	$(srcdir)/core/util/compat.c $(srcdir)/core/util/writers.c $(srcdir)/core/util/pathlist.c \
	$(srcdir)/core/util/buf.c $(srcdir)/core/util/msg.c
fuzz/fuzz_condaenv: $(FUZZ_CONDAENV_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && $(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_CONDAENV_SRCS)

# One binary per shell of configure.ac's list; each drives that real shell.
# The registry's entries refer to the embedded hooks (hooks/embedded.c) and
# to doctor's report (core/cmd/doctor.c, core/util/msg.c).
FUZZ_QUOTE_SRCS = $(srcdir)/fuzz/fuzz_quote.c $(srcdir)/core/util/buf.c $(srcdir)/core/cmd/doctor.c \
	$(srcdir)/core/util/msg.c $(srcdir)/core/util/pathlist.c $(SHELL_C:%=$(srcdir)/%) hooks/embedded.c
FUZZ_QUOTE_HARNESSES = $(HOOK_SHELLS:%=fuzz/fuzz_quote_%)
$(FUZZ_QUOTE_HARNESSES): $(FUZZ_QUOTE_SRCS) config.h
	$(AM_V_CCLD)$(MKDIR_P) fuzz && sh=`echo $@ | sed 's|.*fuzz_quote_||'` && \
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DVH_FUZZ_SHELL="\"$$sh\"" -o $@ $(FUZZ_QUOTE_SRCS)

FUZZ_HARNESSES = fuzz/fuzz_pyvenv fuzz/fuzz_toml fuzz/fuzz_trust fuzz/fuzz_madeby fuzz/fuzz_condaenv \
	$(FUZZ_QUOTE_HARNESSES)
FUZZ_SMOKE = pyvenv:fuzz/fuzz_pyvenv toml:fuzz/fuzz_toml trust:fuzz/fuzz_trust madeby:fuzz/fuzz_madeby \
	condaenv:fuzz/fuzz_condaenv \
	$(HOOK_SHELLS:%=quote:fuzz/fuzz_quote_%)

fuzz: $(FUZZ_HARNESSES)

# The long run, not CI's: the parsers of files a project or the user keeps
# (TOML, pyvenv.cfg, the trust file) at inputs up to 1 MiB (VH_READ_MAX),
# FUZZ_LONG_SECONDS each, starting from the pathological shapes
# fuzz/longseeds writes; a harness past FUZZ_LONG_RSS_MB is a finding.
FUZZ_LONG_SECONDS = 600
FUZZ_LONG_RSS_MB = 2048
FUZZ_LONG = toml:fuzz/fuzz_toml pyvenv:fuzz/fuzz_pyvenv trust:fuzz/fuzz_trust condaenv:fuzz/fuzz_condaenv
fuzz-long: fuzz/fuzz_toml fuzz/fuzz_pyvenv fuzz/fuzz_trust
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
	-rm -f $(FUZZ_HARNESSES)
	-rm -rf fuzz/findings
.PHONY: fuzz fuzz-smoke fuzz-long clean-fuzz

EXTRA_DIST += fuzz/README.md fuzz/smoke fuzz/longseeds fuzz/fuzz_pyvenv.c fuzz/fuzz_quote.c fuzz/fuzz_trust.c fuzz/fuzz_toml.c fuzz/fuzz_madeby.c fuzz/fuzz_condaenv.c \
	fuzz/madeby.dict fuzz/madeby.options \
	fuzz/toml.dict fuzz/toml.options \
	fuzz/pyvenv.dict fuzz/pyvenv.options fuzz/quote.dict fuzz/quote.options fuzz/corpus
