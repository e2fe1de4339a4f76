/* MD5, for the names pdm gives a project's central venvs (see md5.c). */
#ifndef VH_MD5_H
#define VH_MD5_H

#include <stddef.h>

#define VH_MD5_LEN 16

/* out = MD5 of len bytes at data. Cannot fail. */
void vh_md5(unsigned char out[VH_MD5_LEN], const void *data, size_t len);

#endif
