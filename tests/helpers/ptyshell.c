/* ptyshell [-o | -e] [-b] [-r READY] [-t SECONDS] -- SHELL ARG...: runs an
 * interactive shell that reads only from a terminal (nushell, elvish's
 * editor) on a pseudo-terminal of its own, and types the lines of its own
 * stdin into it, one each time the shell shows it is ready for a line.
 *
 * The terminal is the shell's stdin and, with -o, its stdout, or with -e,
 * its stderr (where its line editor draws); its other output stays this
 * program's own fd (a file or pipe, through this program so that both are
 * cleaned alike). What the shell writes is passed on as a terminal would
 * show it, line by line: what its line editor draws (everything between
 * hiding and showing the cursor), the sequences it sends the terminal
 * (OSC, private modes, cursor moves, erasing, resets) and the cursor
 * position queries (answered: row 1, column 1) are left out, and a
 * carriage return lets the rest of a line overwrite it. Any other escape,
 * a color say, is passed on as it is: a test that looks for one still
 * finds it.
 *
 * Ready is READY in what it writes (default: the cursor position query,
 * ESC [ 6 n, which nushell's line editor sends as it starts reading a
 * line); the test's rc can make its prompt hook write an OSC of its own.
 * With -p, the shell is ready when its line editor has drawn once after
 * READY (a hook that runs before the editor starts writes it).
 * The terminal starts in raw mode (no echo, no line editing, no CR/LF
 * translation), which the shell takes as its normal mode and returns to
 * between lines. With no output for SECONDS (default 120: a safety net for
 * a shell that hangs, not a measure of speed) the shell is
 * killed and this exits 124. Else it exits with the shell's status.
 * -l FILE logs what the terminal showed, and each line typed after ">>> ".
 * -b pastes each line (a bracketed paste, ESC [200~ ... ESC [201~, then
 * Enter) rather than typing it: a line editor that draws and highlights
 * the whole line again at each key it reads (elvish's, prompt_toolkit's)
 * then does so once, and runs the same line. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/* A stream being cleaned: where it goes, the line being built, and the
 * escape sequence being read. */
struct stream {
	int out;
	char line[65536];
	size_t len, col;
	char esc[256];
	size_t elen;
	int in_esc, hidden;
};

static char *ready;
static size_t ready_len, ready_seen;
static int master = -1, want_line, log_fd = -1, after_paint, armed, paste;

static void put(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return;
		p += w, n -= (size_t)w;
	}
}

static void flush_line(struct stream *s, int newline)
{
	size_t n = s->len;

	while (n && s->line[n - 1] == ' ')
		n--;
	put(s->out, s->line, n);
	if (newline)
		put(s->out, "\n", 1);
	s->len = s->col = 0;
}

static void text(struct stream *s, char c)
{
	if (s->hidden)
		return;
	if (c == '\r') {
		s->col = 0;
	} else if (c == '\n') {
		flush_line(s, 1);
	} else if (c == '\b') {
		if (s->col)
			s->col--;
	} else if (c != '\a') {
		if (s->col >= sizeof(s->line))
			flush_line(s, 0);
		s->line[s->col++] = c;
		if (s->col > s->len)
			s->len = s->col;
	}
}

/* A whole escape sequence in s->esc: act on it, or keep it. */
static void sequence(struct stream *s)
{
	const char *e = s->esc;
	size_t n = s->elen;
	char last = e[n - 1];

	if (n >= 2 && e[1] == ']') /* OSC: dropped */
		return;
	if (n == 4 && !memcmp(e, "\033[6n", 4)) {
		put(master, "\033[1;1R", 6);
		return;
	}
	if (n >= 3 && e[1] == '[') {
		if (!strncmp(e, "\033[?25l", n)) {
			s->hidden = 1;
			return;
		}
		if (!strncmp(e, "\033[?25h", n)) {
			s->hidden = 0;
			if (armed) {
				armed = 0;
				want_line++;
			}
			return;
		}
		if (e[2] == '?' || last != 'm' || !strncmp(e, "\033[0m", n) || !strncmp(e, "\033[m", n) ||
		    !strncmp(e, "\033[7m", n)) {
			if (last == 'K' && !s->hidden) /* erase to the end of the line */
				s->len = s->col;
			return;
		}
	}
	if (n == 2 && e[1] != '[' && e[1] != ']') /* ESC 7, ESC 8, ESC =... */
		return;
	if (!s->hidden)
		for (; n; n--)
			text(s, *e++);
}

static void feed(struct stream *s, const char *p, size_t n)
{
	unsigned char c;

	for (; n; n--, p++) {
		c = (unsigned char)*p;
		/* the ready mark, wherever it is */
		if (ready_len) {
			if (c == (unsigned char)ready[ready_seen]) {
				if (++ready_seen == ready_len) {
					if (after_paint)
						armed = 1;
					else
						want_line++;
					ready_seen = 0;
				}
			} else {
				ready_seen = c == (unsigned char)ready[0];
			}
		}
		if (s->in_esc) {
			if (s->elen < sizeof(s->esc))
				s->esc[s->elen++] = (char)c;
			if (s->elen == 2 && c != '[' && c != ']') {
				s->in_esc = 0;
			} else if (s->elen > 2 && s->esc[1] == '[' && c >= 0x40 && c <= 0x7e) {
				s->in_esc = 0;
			} else if (s->elen > 2 && s->esc[1] == ']' &&
				   (c == '\a' || (c == '\\' && s->esc[s->elen - 2] == '\033'))) {
				s->in_esc = 0;
			}
			if (!s->in_esc)
				sequence(s);
			continue;
		}
		if (c == 0x1b) {
			s->in_esc = 1;
			s->esc[0] = 0x1b;
			s->elen = 1;
			continue;
		}
		/* elvish's mark of a line that did not end in a newline */
		if (c == 0xe2 && n >= 3 && !memcmp(p, "\xe2\x8f\x8e", 3)) {
			p += 2, n -= 2;
			continue;
		}
		text(s, (char)c);
	}
}

/* The ready mark's escapes: \e, \a, \\. */
static char *unescape(const char *s, size_t *len)
{
	char *r = malloc(strlen(s) + 1), *o = r;

	if (!r)
		exit(2);
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 'e' ? '\033' : *s == 'a' ? '\a' : *s;
		} else {
			*o++ = *s;
		}
	}
	*len = (size_t)(o - r);
	return r;
}

int main(int argc, char **argv)
{
	struct stream term = { 0 }, other = { 0 };
	struct termios tio;
	struct winsize ws = { 24, 200, 0, 0 };
	char buf[65536], *script = NULL, *next;
	size_t script_len = 0, cap = 0;
	int opt, term_fd = 1, timeout = 120, pipefd[2], status = 0, open_fds;
	ssize_t n;
	pid_t pid;

	ready = unescape("\\e[6n", &ready_len);
	while ((opt = getopt(argc, argv, "+oepbr:t:l:")) != -1) {
		switch (opt) {
		case 'p': after_paint = 1; break;
		case 'b': paste = 1; break;
		case 'l': log_fd = open(optarg, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600); break;
		case 'o': term_fd = 1; break;
		case 'e': term_fd = 2; break;
		case 'r': free(ready); ready = unescape(optarg, &ready_len); break;
		case 't': timeout = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: ptyshell [-o | -e] [-b] [-r READY [-p]] [-t SECONDS] [-l FILE] -- SHELL ARG...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: ptyshell [-o | -e] [-b] [-r READY [-p]] [-t SECONDS] [-l FILE] -- SHELL ARG...\n");
		return 2;
	}
	for (;;) {
		if (script_len + 4096 > cap && !(script = realloc(script, cap = cap * 2 + 8192)))
			return 2;
		n = read(0, script + script_len, cap - script_len - 1);
		if (n <= 0)
			break;
		script_len += (size_t)n;
	}
	if (!script)
		script = calloc(1, 1);
	script[script_len] = '\0';
	next = script;

	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || pipe(pipefd) < 0) {
		perror("ptyshell");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("ptyshell: fork");
		return 2;
	}
	if (pid == 0) {
		int slave;

		setsid();
		slave = open(ptsname(master), O_RDWR);
		if (slave < 0)
			_exit(127);
		ioctl(slave, TIOCSCTTY, 0);
		ioctl(slave, TIOCSWINSZ, &ws);
		if (tcgetattr(slave, &tio) == 0) {
			cfmakeraw(&tio);
			tcsetattr(slave, TCSANOW, &tio);
		}
		dup2(slave, 0);
		dup2(slave, term_fd);
		dup2(pipefd[1], term_fd == 1 ? 2 : 1);
		close(slave);
		close(master);
		close(pipefd[0]);
		close(pipefd[1]);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptyshell: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	signal(SIGPIPE, SIG_IGN);
	term.out = term_fd;
	other.out = term_fd == 1 ? 2 : 1;
	open_fds = 2;
	while (open_fds) {
		struct pollfd p[2] = { { master, POLLIN, 0 }, { pipefd[0], POLLIN, 0 } };
		int r = poll(p, 2, timeout * 1000), i;

		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			fprintf(stderr, "ptyshell: no output for %d s: killing %s\n", timeout, argv[optind]);
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			free(script);
			free(ready);
			return 124;
		}
		for (i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(p[i].fd, buf, sizeof(buf));
			if (n <= 0) { /* EOF (EIO on the master once the shell is gone) */
				if (i == 0)
					master = -1;
				close(p[i].fd);
				if (i == 1)
					pipefd[0] = -1;
				open_fds--;
				continue;
			}
			if (log_fd >= 0 && i == 0)
				put(log_fd, buf, (size_t)n);
			feed(i == 0 ? &term : &other, buf, (size_t)n);
		}
		/* one line per ready mark, while there are lines */
		while (want_line && *next && master >= 0) {
			char *eol = strchr(next, '\n');
			size_t len = eol ? (size_t)(eol - next) : strlen(next);

			if (paste && len)
				put(master, "\033[200~", 6);
			put(master, next, len);
			if (paste && len)
				put(master, "\033[201~", 6);
			put(master, "\r", 1);
			if (log_fd >= 0) {
				put(log_fd, "\n>>> ", 5);
				put(log_fd, next, len);
				put(log_fd, "\n", 1);
			}
			next += len + (eol ? 1 : 0);
			want_line--;
		}
		if (master < 0 && pipefd[0] < 0)
			break;
	}
	if (term.len)
		flush_line(&term, 0);
	if (other.len)
		flush_line(&other, 0);
	/* (freed for LeakSanitizer, which checks this program in the sanitizer build) */
	free(script);
	free(ready);
	if (waitpid(pid, &status, 0) < 0)
		return 2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
