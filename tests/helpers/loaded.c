/*
 * vh-loaded.so: the tests LD_PRELOAD it into venvhook to learn which shared
 * objects a run loaded (libgit2 is dlopen()ed only when needed, in a child
 * process). It appends their paths, one a line, to the file $VH_LOADED_LOG
 * names: at each process's exit, and right after each dlopen() that
 * succeeds, since the child ends with _exit(), past any destructor.
 * dl_iterate_phdr works alike with glibc, musl and the BSDs, where glibc's
 * LD_DEBUG does not; a system without it (macOS) writes "unsupported" and
 * the tests skip.
 */
/* RTLD_NEXT and struct dl_phdr_info, on glibc (a test helper: core/ needs
 * no _GNU_SOURCE). */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef HAVE_DL_ITERATE_PHDR
#include <link.h>

static int put_one(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	fprintf(data, "%s\n", info->dlpi_name && *info->dlpi_name ? info->dlpi_name : "(main program)");
	return 0;
}
#endif

static void report(void)
{
	const char *log = getenv("VH_LOADED_LOG");
	FILE *f;

	if (!log || !*log || !(f = fopen(log, "a")))
		return;
#ifdef HAVE_DL_ITERATE_PHDR
	dl_iterate_phdr(put_one, f);
#else
	fputs("unsupported\n", f);
#endif
	fclose(f);
}

__attribute__((destructor)) static void vh_loaded_at_exit(void)
{
	report();
}

void *dlopen(const char *file, int mode)
{
	static void *(*real)(const char *, int);
	void *handle;

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "dlopen");
	handle = real ? real(file, mode) : NULL;
	if (handle)
		report();
	return handle;
}
