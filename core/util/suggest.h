/* "Did you mean": the known word a mistyped one most likely meant. */
#ifndef VH_SUGGEST_H
#define VH_SUGGEST_H

#include <stddef.h>

/* The one of the n candidates closest to word (a letter left out, added,
 * changed, or two swapped count one each: 1 for words of up to 4 letters,
 * 2 for longer), or NULL when none is that close or two are equally close.
 * Words longer than 64 bytes match nothing; cost bounded by n. */
const char *vh_suggest(const char *word, const char *const *candidates, size_t n);

#endif
