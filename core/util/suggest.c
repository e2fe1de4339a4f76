#include "core/util/suggest.h"

#include <string.h>

#define MAX 64

/* The optimal string alignment distance (Levenshtein with transpositions
 * of neighbours), both words at most MAX bytes: three rows of the table. */
static size_t distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t rows[3][MAX + 1], *two = rows[0], *prev = rows[1], *cur = rows[2], *t, i, j, best;

	for (j = 0; j <= m; j++)
		prev[j] = j;
	for (i = 1; i <= n; i++) {
		cur[0] = i;
		for (j = 1; j <= m; j++) {
			best = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
		t = two;
		two = prev;
		prev = cur;
		cur = t;
	}
	return prev[m];
}

const char *vh_suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t len = strlen(word), k, dist, m, least = (size_t)-1;
	int tie = 0;

	if (!len || len > MAX)
		return NULL;
	for (k = 0; k < n; k++) {
		m = strlen(candidates[k]);
		if (m > MAX)
			continue;
		dist = distance(word, len, candidates[k], m);
		if (dist < least) {
			least = dist;
			best = candidates[k];
			tie = 0;
		} else if (dist == least) {
			tie = 1;
		}
	}
	if (!best || tie || least == 0 || least > (len <= 4 ? 1u : 2u))
		return NULL;
	return best;
}
