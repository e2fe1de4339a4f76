#include "posix.h"
#include "shell.h"

extern const char vh_hook_bash[];

static int set_path(struct vh_buf *out, const char *list)
{
	return vh_posix_set_env(out, "PATH", list);
}

static int rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "builtin hash -r\n");
}

const struct vh_shell vh_shell_bash = {
	.name = "bash",
	.hook = vh_hook_bash,
	.quote = vh_posix_quote,
	.set_env = vh_posix_set_env,
	.unset_env = vh_posix_unset_env,
	.set_path = set_path,
	.set_local = vh_posix_set_local,
	.rehash = rehash,
};
