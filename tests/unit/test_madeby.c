/* The made-here rule's reading of command lines (core/trust/madeby.c), as a
 * table: what the user ran, where, and what it says of the env. */
#include <stdlib.h>
#include <string.h>

#include "core/trust/madeby.h"
#include "shells/shell.h"
#include "tap.h"

#define M VH_MADEBY_MADE
#define B VH_MADEBY_BROUGHT
#define N VH_MADEBY_NONE
#define P VH_DIALECT_POSIX
#define F VH_DIALECT_FISH
#define C VH_DIALECT_CSH
#define O VH_DIALECT_OTHER

/* from: where the first line started (it was running at the last export);
 * the others started in BASE, the last export's directory; lines: each
 * ended by \037 but the last. */
#define BASE "/p/proj"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
struct row {
	const char *what;
	enum vh_dialect dialect;
	const char *from, *env;
	int last_only;
	const char *earlier, *line;
	enum vh_madeby_verdict want;
	const char *by;
};

static const struct row rows[] = {
	/* --- made: a command that makes envs, naming it or working in its project --- */
	{ "python3 -m venv .venv", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv", M, "python3 -m venv" },
	{ "the interpreter by path, options before the dir", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "/usr/bin/python3 -m venv --without-pip --prompt x .venv", M, "python3 -m venv" },
	{ "-Im and -mvenv", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3.11 -I -mvenv .venv", M, "python3.11 -m venv" },
	{ "a subdirectory, then cd into it", P, "/p", "/p/sub/.venv", 1, NULL,
	  "python3 -m venv sub/.venv && cd sub", M, "python3 -m venv" },
	{ "virtualenv ../other/.venv", P, "/p/proj", "/p/other/.venv", 0, NULL,
	  "virtualenv -p python3 ../other/.venv", M, "virtualenv" },
	{ "python -m virtualenv", P, "/p/proj", "/p/proj/venv", 1, NULL,
	  "python -m virtualenv venv", M, "python -m virtualenv" },
	/* conda create -p (conda/cli/main_create.py, add_parser_prefix in
	 * conda/cli/helpers.py, conda run in conda/cli/main_run.py, at conda
	 * 0f64223f), pixi install, add, run, shell (.pixi/envs/default:
	 * crates/pixi_consts/src/consts.rs; the options: crates/pixi_cli/src/
	 * cli_config.rs and lib.rs, at pixi 2b25fc76) */
	{ "conda create -p .conda", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda create -y -p .conda python=3.11", M, "conda create" },
	{ "mamba create --prefix=./venv", P, "/p/proj", "/p/proj/venv", 1, NULL,
	  "mamba create --prefix=./venv python", M, "mamba create" },
	{ "conda env create -p from a subdirectory", P, "/p/proj/src", "/p/proj/.conda", 1, NULL,
	  "conda env create -f ../environment.yml -p ../.conda", M, "conda create" },
	{ "conda create -p another prefix", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda create -p ../other/.conda", N, "" },
	{ "conda install -p .conda makes nothing new", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda install -p .conda numpy", N, "" },
	{ "pixi run: its command could bring files", P, "/p/proj", "/p/proj/.pixi/envs/default", 1,
	  NULL, "pixi run tar xf env.tar", B, "tar" },
	{ "micromamba create -pPATH (argparse's joined form)", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "micromamba create -y -p.conda python", M, "micromamba create" },
	{ "conda create --clone: another prefix's files, copied", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create --clone /tmp/x -p .conda", B, "conda create --clone" },
	{ "conda create --clon: argparse's shortened --clone", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create -p .conda --clon=/tmp/x", B, "conda create --clone" },
	{ "conda create --clo: ambiguous in conda, a clone here", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create -p .conda --clo /tmp/x", B, "conda create --clone" },
	{ "conda create --clobber is no clone", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create --clobber -p .conda python", M, "conda create" },
	{ "conda create with options in a variable: cannot be read", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create -p .conda $OPTS", B, "" },
	{ "conda create -n NAME: a named env, not this prefix", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda create -n .conda python", N, "" },
	{ "conda run: its command could bring files", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda run -p .conda --no-capture-output tar xf env.tar", B, "tar" },
	{ "conda run --cwd: where its command runs is not known", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "conda run -n base --cwd /q python3 -m venv .venv", N, "" },
	/* a tool's shell makes the env; the lines typed in it are not read
	 * (doc/THREATS.md, Known gaps) */
	{ "poetry shell: makes the project's env", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "poetry shell", M, "poetry shell" },
	{ "pipenv shell: makes the project's env", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "pipenv shell", M, "pipenv shell" },
	/* conda's, mamba's and micromamba's options before run's command, and
	 * before the subcommand (core/trust/madeby.c names their sources) */
	{ "conda run -n NAME python -m venv: the common line", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "conda run -n py311 python -m venv .venv", M, "python -m venv" },
	{ "conda run -p PATH -s python3 -m venv", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "conda run -p ./env --live-stream python3 -m venv .venv", M, "python3 -m venv" },
	{ "micromamba run -r ROOT: a value, not the command", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "micromamba run -r /opt/mm -n base tar xf env.tar", B, "tar" },
	{ "micromamba run -a '' -e K=V --label L: values", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "micromamba run -a '' -e K=V --label=x -d -n base tar xf env.tar", B, "tar" },
	{ "conda run -vn NAME: flags joined to a valued letter", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda run -vn base tar xf env.tar", B, "tar" },
	{ "conda run -nNAME: the value joined", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda run -nbase tar xf env.tar", B, "tar" },
	{ "conda run --na NAME: argparse's shortening, unknown here: unreadable", P, "/p/proj",
	  "/p/proj/.conda", 1, NULL, "conda create -p .conda && conda run --na base tar xf env.tar", B,
	  "" },
	{ "conda run --cw DIR: a shortened --cwd: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "conda run --cw /q python3 -m venv .venv", B, "" },
	{ "conda run -x: an option venvhook does not know: unreadable", P, "/p/proj", "/p/proj/.conda",
	  1, NULL, "conda run -x base tar xf env.tar", B, "" },
	{ "conda run $OPT: an option in a variable: unreadable", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "conda run $OPT tar xf env.tar", B, "" },
	{ "conda --no-plugins -v run: global flags", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda --no-plugins -v run -n base tar xf env.tar", B, "tar" },
	{ "micromamba -r ROOT run: a global option's value", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "micromamba -r /opt/mm run -n base tar xf env.tar", B, "tar" },
	{ "micromamba --rc-file A B run: a list, unknown here: unreadable", P, "/p/proj",
	  "/p/proj/.conda", 1, NULL, "micromamba --rc-file a run tar xf env.tar", B, "" },
	{ "conda --no-pl create: a shortened global option: unreadable", P, "/p/proj", "/p/proj/.conda",
	  1, NULL, "conda --no-pl create -p .conda", B, "" },
	{ "conda run -- --: which word runs depends on argparse's version, unreadable", P,
	  "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda create -p .conda && micromamba run -n b -- -- tar xf env.tar", B, "" },
	{ "conda $SUB: which subcommand cannot be read", P, "/p/proj", "/p/proj/.conda", 1, NULL,
	  "conda $SUB -p .conda tar xf env.tar", B, "" },
	{ "micromamba -y create -p: a global flag, then create", P, "/p/proj", "/p/proj/.conda", 1,
	  NULL, "micromamba -y create -p .conda python", M, "micromamba create" },
	{ "pixi exec: its command could bring files, it makes no project env", P, "/p/proj",
	  "/p/proj/.pixi/envs/default", 1, NULL, "pixi exec -s tar tar xf env.tar", B, "tar" },
	{ "pixi $SUB: which subcommand cannot be read", P, "/p/proj", "/p/proj/.pixi/envs/default",
	  1, NULL, "pixi $SUB", B, "" },
	{ "uv venv, no path, from src/ of the project", P, "/p/proj/src", "/p/proj/.venv", 1, NULL,
	  "uv venv", M, "uv venv" },
	{ "uv venv PATH", P, "/p", "/p/x/env", 0, NULL, "uv venv --seed x/env", M, "uv venv" },
	{ "uv sync from src/", P, "/p/proj/src", "/p/proj/.venv", 1, NULL, "uv sync", M,
	  "uv sync" },
	{ "uv --directory", P, "/tmp", "/p/proj/.venv", 1, NULL,
	  "uv --directory /p/proj sync --frozen", M, "uv sync" },
	{ "uv sync --project after the subcommand", P, "/tmp", "/p/proj/.venv", 1, NULL,
	  "uv sync --project=/p/proj", M, "uv sync" },
	{ "poetry install", P, "/p/proj", "/p/proj/.venv", 1, NULL, "poetry install --no-root", M,
	  "poetry install" },
	{ "poetry -C DIR env use", P, "/", "/p/proj/.venv", 1, NULL,
	  "poetry -C /p/proj env use python3", M, "poetry env" },
	{ "pipenv install", P, "/p/proj", "/p/proj/.venv", 1, NULL, "pipenv install", M,
	  "pipenv install" },
	{ "pipenv --python", P, "/p/proj", "/p/proj/.venv", 1, NULL, "pipenv --python 3.11", M,
	  "pipenv --python" },
	{ "pdm venv create", P, "/p/proj", "/p/proj/.venv", 1, NULL, "pdm venv create", M,
	  "pdm venv" },
	{ "hatch env create", P, "/p/proj", "/p/proj/.venv", 1, NULL, "hatch env create", M,
	  "hatch env" },
	{ "python3 -m poetry install", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m poetry install", M, "poetry install" },
	{ "a cd in the first line exported; the lines after start there", P, "/p", "/p/proj/.venv", 0,
	  "cd proj\037ls -la\037", "python3 -m venv .venv", M, "python3 -m venv" },
	{ "the first line's cd, where a variable names the directory", P, "/p", "/p/proj/.venv", 0,
	  "cd \"$P\"\037", "python3 -m venv .venv", M, "python3 -m venv" },
	{ "the first line made it before its cd exported; it started where the prompt was", P, "/p",
	  "/p/x/.venv", 0, "python3 -m venv x/.venv && cd x\037", "ls", M, "python3 -m venv" },
	{ "~ is $HOME", P, "/p", "/h/envs/x", 0, NULL, "python3 -m venv ~/envs/x", M,
	  "python3 -m venv" },
	{ "cd with no argument goes home", P, "/p", "/h/.venv", 1, NULL, "cd; python3 -m venv .venv",
	  M, "python3 -m venv" },
	{ "wrapped: sudo, env, nice, time", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "time env FOO=1 nice -n 5 sudo -u me python3 -m venv .venv", M, "python3 -m venv" },
	{ "an assignment in front", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "PIP_INDEX_URL=x python3 -m venv .venv", M, "python3 -m venv" },
	{ "a comment after it", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv # for the tests", M, "python3 -m venv" },
	{ "a subshell's cd stays inside it", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "(cd /tmp && ls) && python3 -m venv .venv", M, "python3 -m venv" },
	{ "cp of a file next to it is no threat", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cp ../notes.txt . && python3 -m venv .venv", M, "python3 -m venv" },
	{ "mv of the old env away", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "mv .venv old-venv && python3 -m venv .venv", M, "python3 -m venv" },
	{ "git status is no clone", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "git status && python3 -m venv .venv", M, "python3 -m venv" },
	{ "the real path counts too", P, "/p", "/p/link/.venv", 1, NULL,
	  "python3 -m venv /p/proj/.venv", M, "python3 -m venv" },
	{ "fish: ; and", F, "/p", "/p/sub/.venv", 1, NULL, "python3 -m venv sub/.venv; and cd sub",
	  M, "python3 -m venv" },
	{ "fish: a dir with a trailing / is a cd", F, "/p", "/p/sub/.venv", 1, NULL,
	  "sub/\npython3 -m venv .venv", M, "python3 -m venv" },
	{ "tcsh: the same line", C, "/p", "/p/sub/.venv", 1, NULL,
	  "python3 -m venv sub/.venv && cd sub", M, "python3 -m venv" },
	{ "nushell's ^python3 -m venv", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "^python3 -m venv .venv", M, "python3 -m venv" },
	{ "elvish's e:python3 -m venv", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "e:python3 -m venv .venv", M, "python3 -m venv" },
	{ "earlier lines' bringers do not count under last_only", P, "/p/proj", "/p/proj/.venv", 1,
	  "tar xf data.tgz\037", "python3 -m venv .venv", M, "python3 -m venv" },

	/* --- brought: anything that unpacks, clones, fetches, copies or moves it --- */
	/* nushell's, elvish's and xonsh's ways to run a program, whose lines are
	 * read as a POSIX shell's where they agree (VH_DIALECT_OTHER) */
	{ "nushell's ^tar, then a venv", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "^tar xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "nushell's ^sudo -u root tar", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "^sudo -u root tar xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "time -o FILE: its value is no command", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "/usr/bin/time -o /tmp/t tar xzf prebuilt.tgz && python3 -m venv .venv", B, "tar" },
	{ "nice --adjustment N", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "nice --adjustment 10 unzip -q env.zip && python3 -m venv .venv", B, "unzip" },
	{ "flock -w N FILE", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock -w 5 /tmp/l tar xzf prebuilt.tgz && python3 -m venv .venv", B, "tar" },
	{ "sudo -Eu USER: a cluster whose last letter takes the next word", P, "/p/proj", "/p/proj/.venv", 0, NULL,
	  "sudo -Eu root tar xf e\037python3 -m venv .venv", B, "tar" },
	{ "doas -nu USER", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "doas -nu root tar xf e; python3 -m venv .venv", B, "tar" },
	{ "exec -ca NAME", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "exec -ca foo tar xf e; python3 -m venv .venv", B, "tar" },
	{ "ionice -tc N", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "ionice -tc 3 tar xf e; python3 -m venv .venv", B, "tar" },
	{ "timeout -vs SIG DURATION", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "timeout -vs KILL 5 tar xf e; python3 -m venv .venv", B, "tar" },
	{ "caffeinate -dt N", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "caffeinate -dt 5 tar xf e; python3 -m venv .venv", B, "tar" },
	{ "env -iC DIR", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "env -iC /tmp tar xf e; python3 -m venv .venv", B, "tar" },
	{ "flock -E N FILE", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock -E 1 /tmp/l tar xf e; python3 -m venv .venv", B, "tar" },
	{ "xargs -i: its value is only ever joined", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo e | xargs -i tar xf {}; python3 -m venv .venv", B, "tar" },
	{ "xargs --replace: the same", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo e | xargs --replace tar xf {}; python3 -m venv .venv", B, "tar" },
	{ "conda run, then sudo -Eu USER", P, "/p/proj", "/p/proj/.venv", 0, NULL,
	  "conda run -n base sudo -Eu me tar xf e\037python3 -m venv .venv", B, "tar" },
	{ "an option of sudo's venvhook does not know: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sudo --frobnicate x tar xf e; python3 -m venv .venv", B, "" },
	{ "a letter of nice's venvhook does not know: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "nice -Q 5 tar xf e; python3 -m venv .venv", B, "" },
	{ "env --split-string=...: a command line joined to it, unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "env --split-string='tar xf e' && python3 -m venv .venv", B, "" },
	{ "env -iS joined: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "env -iS 'tar xf e' && python3 -m venv .venv", B, "" },
	{ "flock --command=...: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock --command='tar xf e' /tmp/l && python3 -m venv .venv", B, "" },
	{ "scp -r host:env .", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "scp -r host:env/.venv . && python3 -m venv .venv", B, "scp" },
	{ "cmake -E tar: a word of a command venvhook does not know", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "cmake -E tar xf env.tar && python3 -m venv .venv", B, "tar" },
	{ "setsid git clone: git after a command venvhook does not know", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "setsid git clone https://e/x .venv && python3 -m venv .venv", B, "git clone" },
	{ "taskset -c 0 git clone", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "taskset -c 0 git clone https://e/x .venv && python3 -m venv .venv", B, "git clone" },
	{ "runuser -u me -- rsync", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "runuser -u me -- rsync -a host:evil/ .venv/ && python3 -m venv .venv", B, "rsync" },
	{ "fakeroot cp -a", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "fakeroot cp -a /tmp/e .venv && python3 -m venv .venv", B, "cp" },
	{ "setsid python3 -m tarfile", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "setsid python3 -m tarfile -e e.tar .venv && python3 -m venv .venv", B, "python3 tarfile" },
	{ "su -c 'cd x && tar ...': the string read as a command line", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "su -c 'cd /tmp/e && tar xf e.tar -C /p/proj/.venv' me && python3 -m venv .venv", B, "tar" },
	{ "su -c'tar ...' joined", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "su -c'tar xf e' me && python3 -m venv .venv", B, "tar" },
	{ "script -q -c 'true; tar ...'", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "script -q -c 'true; tar xf e' /dev/null && python3 -m venv .venv", B, "tar" },
	{ "flock FILE CMD: a -c of the command's own (wget -c) is no flock -c", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock /tmp/l wget -c https://e/x.pth -O .venv/x.pth && python3 -m venv .venv", B, "wget" },
	{ "flock FILE git clone -c k=v", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock f git clone -c a=b https://e/x .venv && python3 -m venv .venv", B, "git clone" },
	{ "env -u -S: -S is -u's value, the command is nice tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "env -u -S nice tar xf e && python3 -m venv .venv", B, "tar" },
	{ "timeout -$O: an option a variable spells, unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "timeout -$O 5 git clone https://e/x .venv && python3 -m venv .venv", B, "" },
	{ "a quote in a message to a command venvhook does not know", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "notify-send \"it's done\" && python3 -m venv .venv", M, "python3 -m venv" },
	{ "flock FILE -c STRING: the string is the command", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "flock /tmp/l -c 'python3 -m venv .venv'", M, "python3 -m venv" },
	{ "env -S STRING first", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "env -S 'python3 -m venv .venv'", M, "python3 -m venv" },
	{ "coproc tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "coproc tar xzf prebuilt.tgz; wait; python3 -m venv .venv", B, "tar" },
	{ "a command venvhook does not know, that runs tar: setsid", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "setsid tar xf e; python3 -m venv .venv", B, "tar" },
	{ "strace -f /a/long/path/to/tar: the word's last component", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "strace -f /opt/a-tool-chain-with-a-rather-long-name/and-a-long-version-directory/bin/tar xf e; python3 -m venv .venv", B, "tar" },
	{ "strace -f tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "strace -f tar xf e; python3 -m venv .venv", B, "tar" },
	{ "su -c 'tar ...': the text's first word", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "su -c 'tar xf e' me; python3 -m venv .venv", B, "tar" },
	{ "sudo -Eu USER: the cluster's value is USER, the command is python3", P, "/p/proj",
	  "/p/proj/.venv", 1, NULL, "sudo -Eu me python3 -m venv .venv", M, "python3 -m venv" },
	{ "sudo -E: a flag", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sudo -E python3 -m venv .venv", M, "python3 -m venv" },
	{ "nice -10", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "nice -10 python3 -m venv .venv", M, "python3 -m venv" },
	{ "timeout DURATION", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "timeout 60 python3 -m venv .venv", M, "python3 -m venv" },
	{ "sudo --preserve-env=LIST", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sudo --preserve-env=PATH python3 -m venv .venv", M, "python3 -m venv" },
	{ "echo names tar: no command of its runs", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo tar && python3 -m venv .venv", M, "python3 -m venv" },
	{ "nushell's run-external", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "run-external tar xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "elvish's e:tar", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "e:tar xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "elvish's (external tar)", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "(external tar) xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "elvish's try { tar }", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "try { tar xf /tmp/evil.tar } catch { }; python3 -m venv .venv", B, "tar" },
	{ "elvish's try { a venv }: what it holds runs", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "try { python3 -m venv .venv } catch { }", M, "python3 -m venv" },
	{ "xonsh's ![tar]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![tar xf /tmp/evil.tar] && python3 -m venv .venv", B, "tar" },
	{ "xonsh's $[tar]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "$[tar xf /tmp/evil.tar] and python3 -m venv .venv", B, "tar" },
	{ "xonsh's !(tar)", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "!(tar xf /tmp/evil.tar) and python3 -m venv .venv", B, "tar" },
	{ "xonsh's $(tar)", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "x = $(tar xf /tmp/evil.tar); python3 -m venv .venv", B, "tar" },
	{ "curl | tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "curl -sL https://example.org/proj.tgz | tar xz", B, "curl" },
	{ "tar, then uv sync", P, "/p/proj", "/p/proj/.venv", 1, NULL, "tar xf proj.tar && uv sync",
	  B, "tar" },
	{ "tar, then python -m venv over what it unpacked", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "tar -xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "git clone, then a venv", P, "/p", "/p/r/.venv", 1, NULL,
	  "git clone https://example.org/r && cd r && python3 -m venv .venv", B, "git clone" },
	{ "git -C checkout", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "git -C . checkout main && python3 -m venv .venv", B, "git checkout" },
	{ "a git alias could be checkout", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "git co main; python3 -m venv .venv", B, "git co" },
	{ "cp -r of an env into it", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cp -r ../evil/.venv . && python3 -m venv .venv", B, "cp" },
	{ "cp -t DIR", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cp -rt . ../evil/.venv; python3 -m venv .venv", B, "cp" },
	{ "a copy into the env after", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && cp ~/evil/ls .venv/bin/", B, "cp" },
	{ "cp -r of a project holding it", P, "/p", "/p/new/.venv", 1, NULL,
	  "cp -r ~/Downloads/proj new && python3 -m venv new/.venv", B, "cp" },
	{ "rsync src/ puts its contents", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "rsync -a ../evil/ ./ && python3 -m venv .venv", B, "rsync" },
	{ "a glob of sources", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cp -r ../evil/.[a-z]* . && python3 -m venv .venv", B, "cp" },
	{ "ln -s", P, "/p/proj", "/p/proj/.venv", 1, NULL, "ln -s ../evil/.venv .venv", B, "ln" },
	{ "ln -s TARGET: a link by TARGET's last name, here", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; ln -s ../evil/.venv", B, "ln" },
	{ "gln -sf -- TARGET", P, "/p/proj", "/p/proj/.venv", 1, NULL, "gln -sf -- /x/.venv", B, "gln" },
	{ "ln -s TARGET by another name: not the env", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; ln -s ../evil/tools", M, "python3 -m venv" },
	{ "cp with one operand copies nothing", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; cp ../evil/.venv", M, "python3 -m venv" },
	{ "mv of an env into place", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "mv /tmp/x/.venv . && uv sync", B, "mv" },
	{ "a destination in a variable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cp -r /tmp/x \"$D\" && uv sync", B, "cp" },
	{ "inside $(...)", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo \"$(tar xf e.tar)\" && python3 -m venv .venv", B, "tar" },
	{ "inside backquotes", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "x=`unzip -q e.zip`; python3 -m venv .venv", B, "unzip" },
	{ "after a #: zsh runs it", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; echo done # ; tar xf e.tar", B, "tar" },
	{ "a heredoc fed to sh", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sh <<'EOF'\ntar xf e.tar\nEOF\npython3 -m venv .venv", B, "tar" },
	{ "sh -c", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "bash -lc 'tar xf e.tar' && python3 -m venv .venv", B, "tar" },
	{ "eval", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "eval 'tar xf e.tar' && python3 -m venv .venv", B, "tar" },
	{ "t\\ar", P, "/p/proj", "/p/proj/.venv", 1, NULL, "t\\ar xf e; python3 -m venv .venv", B,
	  "tar" },
	{ "\"tar\"", P, "/p/proj", "/p/proj/.venv", 1, NULL, "\"t\"'a'r xf e; python3 -m venv .venv",
	  B, "tar" },
	{ "TAR on a file system that folds case", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "TAR xf e; python3 -m venv .venv", B, "TAR" },
	{ "find -exec tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "find . -name '*.tgz' -exec tar xf {} \\; ; python3 -m venv .venv", B, "tar" },
	{ "xargs tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "xargs -n 1 tar xf <list; python3 -m venv .venv", B, "tar" },
	{ "python -m tarfile", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m tarfile -e e.tar . && python3 -m venv .venv", B, "python3 tarfile" },
	{ "uv run CMD runs CMD", P, "/p/proj", "/p/proj/.venv", 1, NULL, "uv run -- tar xf e.tar",
	  B, "tar" },
	{ "an earlier line's tar counts when all lines count", P, "/p/proj", "/p/proj/.venv", 0,
	  "tar xf evil.tgz\037", "python3 -m venv .venv", B, "tar" },
	{ "fish reads 'it\\'s' as one string, so tar runs", F, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo 'it\\'s'; tar xf e; python3 -m venv .venv", B, "tar" },
	{ "fish: (cmd) substitutes anywhere", F, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo x(tar xf e); python3 -m venv .venv", B, "tar" },

	/* --- cannot read, so it may have brought files: refused (fail closed) --- */
	{ "a command in a variable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "\"$PY\" -m venv .venv", B, "" },
	{ "a command name a variable ends", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3$V -m venv .venv", B, "" },
	{ "python -c", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -c 'import venv' -m venv .venv", B, "" },
	{ "tar in a variable, then a venv", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "t=tar; $t xf /tmp/evil.tar; python3 -m venv .venv", B, "" },
	{ "python -c unpacking, then a venv", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -c \"import shutil; shutil.unpack_archive('a')\" && python3 -m venv .venv", B, "" },
	{ "busybox tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "busybox tar xf /tmp/evil.tar; python3 -m venv .venv", B, "tar" },
	{ "nu -c from a POSIX shell", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "nu -c 'tar xf /tmp/evil.tar'; python3 -m venv .venv", B, "tar" },
	{ "xonsh: Python that unpacks", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "import tarfile; tarfile.open('../a.tar').extractall(); python3 -m venv .venv", B, "" },
	{ "xonsh: ![env tar]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![env tar xf ../a.tar]; python3 -m venv .venv", B, "tar" },
	{ "xonsh: ![ tar ] with blanks", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![ tar xf ../a.tar ]; python3 -m venv .venv", B, "tar" },
	{ "xonsh: ![sudo tar]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![sudo tar xf ../a.tar]; python3 -m venv .venv", B, "tar" },
	{ "xonsh: ![python3 -m tarfile]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![python3 -m tarfile -e ../a.tar .]; python3 -m venv .venv", B, "python3 tarfile" },
	{ "xonsh: ![bash -c tar]", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![bash -c 'tar xf ../a.tar']; python3 -m venv .venv", B, "tar" },
	{ "xonsh: ![cp -r] into the env's place", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "![cp -r /tmp/x/.venv .]; python3 -m venv .venv", B, "cp" },
	{ "xonsh: @(list) runs a program", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "@(['tar', 'xf', '../a.tar']); python3 -m venv .venv", B, "" },
	{ "elvish: a program in a variable", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "var t = /bin/tar; $t xf ../a.tar; python3 -m venv .venv", B, "" },
	{ "nushell: run-external of a variable", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "let t = 'tar'; run-external $t xf ../a.tar; ^python3 -m venv .venv", B, "" },
	{ "nushell: http get piped to save", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "http get https://example.org/a.tar | save a.tar; python3 -m venv .venv", B, "http" },
	{ "a syntax of its own: a venv after ls is made here", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "ls; python3 -m venv .venv", M, "python3 -m venv" },

	/* --- none: nothing read makes this env --- */
	{ "make venv: venvhook cannot read a Makefile", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "make venv", N, "" },
	{ "another env", P, "/p/proj", "/p/proj/.venv", 1, NULL, "python3 -m venv other/.venv", N,
	  "" },

	{ "a path in a variable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv \"$D\"", N, "" },
	{ "a path a variable ends names nothing", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv$SUFFIX", N, "" },

	{ "a script", P, "/p/proj", "/p/proj/.venv", 1, NULL, "python3 mkenv.py .venv", N, "" },

	{ "echo of the command", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo python3 -m venv .venv", N, "" },
	{ "in a comment", P, "/p/proj", "/p/proj/.venv", 1, NULL, "# python3 -m venv .venv", N, "" },
	{ "in a heredoc", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cat <<EOF >notes\npython3 -m venv .venv\nEOF", N, "" },
	{ "uv sync in another project", P, "/p/other", "/p/proj/.venv", 1, NULL, "uv sync", N, "" },
	{ "uv lock makes no env", P, "/p/proj", "/p/proj/.venv", 1, NULL, "uv lock", N, "" },
	{ "cd - loses the directory", P, "/p/x", "/p/proj/.venv", 1, NULL,
	  "cd - && python3 -m venv .venv", N, "" },
	{ "no directory to start from", P, NULL, "/p/proj/.venv", 1, NULL, "python3 -m venv .venv",
	  N, "" },
	{ "no directory, but an absolute path", P, NULL, "/p/proj/.venv", 1, NULL,
	  "python3 -m venv /p/proj/.venv", M, "python3 -m venv" },
	{ "../.. resolves", P, "/p/a/b", "/p/proj/.venv", 1, NULL, "virtualenv ../../proj/.venv", M,
	  "virtualenv" },
	{ "earlier lines' makers do not count under last_only", P, "/p/proj", "/p/proj/.venv", 1,
	  "python3 -m venv .venv\037", "ls", N, "" },
	{ "POSIX reads 'it\\'s' differently: no command of it runs, and a tar in its text is unreadable",
	  P, "/p/proj", "/p/proj/.venv", 1, NULL, "echo 'it\\'s'; tar xf e; python3 -m venv .venv", B, "" },
	/* An attacker's review (stop 37): text the reader took as quoted, a
	 * comment or a substitution where the shell runs the tar. The text
	 * read again with the quotes ignored finds a bringer no command was
	 * judged at: unreadable. */
	{ "$\" inside double quotes is a $ and a closing quote", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && ls -a | grep -c \"env$\"; tar xzf w.tgz -C .venv", B, "tar" },
	{ "$\" inside double quotes, the unpack first", P, "/p/proj", "/p/proj/proj/.venv", 1, NULL,
	  "grep -q \"^ok$\" status.txt && curl -fsSL u | tar xz && echo \"unpacked\" && python3 -m venv proj/.venv",
	  B, "curl" },
	{ "$\" in elvish and nushell, read as POSIX", O, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; echo \"Cost: 0$\"; tar xzf w.tgz -C .venv", B, "tar" },
	{ "a comment's apostrophe does not hide the next line of the same entry", P, "/p/proj",
	  "/p/proj/.venv", 1, NULL, "python3 -m venv .venv &&  # it's quick\ntar xzf w.tgz -C .venv", B, "" },
	{ "fish: a comment's apostrophe does not hide the next line", F, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "python3 -m venv .venv; # it's quick\ntar xzf w.tgz -C .venv", B, "" },
	{ "zsh: a ' inside a double-quoted ${...} is a character", P, "/p/proj", "/p/proj/proj/.venv", 1,
	  NULL,
	  "echo \"${A:-Let's go}\" && tar xzf p.tgz && echo \"${B:-It's unpacked}\" && python3 -m venv proj/.venv",
	  B, "" },
	{ "mksh: a ' inside a double-quoted ${...}, the unpack after", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "python3 -m venv .venv && echo \"${M:-Don't close this terminal}\" && tar xzf w.tgz -C .venv",
	  B, "" },
	{ "tcsh: a backslash in double quotes is a character", C, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && echo \"Windows: .venv\\Scripts\\\" && tar xzf w.tgz -C .venv && echo \"Done\\\"",
	  B, "tar" },
	{ "a function's body is read for what it runs", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "function fetch_tools { tar xzf w.tgz -C .venv; }; python3 -m venv .venv && fetch_tools", B, "tar" },
	/* The second review (stop 37): code a shell runs from a string a
	 * variable builds, options before -c, text handed to a shell on its
	 * input, wrappers inside a function's body, an alias, quadratic paths */
	{ "sh -c with a variable in its string: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sh -c \"tar xzf $A\" && python3 -m venv .venv", B, "" },
	{ "fish: sh -c with a variable", F, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "sh -c \"tar xzf $A\"; and python3 -m venv .venv", B, "" },
	{ "eval with a variable: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "eval tar xzf \"$A\" && python3 -m venv .venv", B, "" },
	{ "eval of code a variable holds: unreadable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "eval \"$SETUP\" && python3 -m venv .venv", B, "" },
	{ "uv run sh -c with a variable", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "uv run sh -c \"tar xzf $A\"", B, "" },
	{ "bash -o pipefail -c: the string after the option's value is read", P, "/p/proj", "/p/proj/.venv",
	  1, NULL, "bash -o pipefail -c \"tar xzf p.tgz\" && python3 -m venv .venv", B, "tar" },
	{ "fish --command=STRING", F, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "fish --command=\"tar xzf p.tgz\"; and python3 -m venv .venv", B, "tar" },
	{ "a here-string handed to a shell", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "bash <<< \"tar xzf p.tgz\" && python3 -m venv .venv", B, "tar" },
	{ "echo piped to a shell", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo \"tar xzf p.tgz\" | sh; python3 -m venv .venv", B, "" },
	{ "fish: echo piped to source", F, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo \"tar xzf p.tgz\" | source; python3 -m venv .venv", B, "" },
	{ "echo of words that only name tar: made", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "echo tar is done && echo \"all set\" && python3 -m venv .venv", M, "python3 -m venv" },
	{ "find -exec inside a function's body", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "function setup { find . -name \"*.tgz\" -exec tar xzf {} \\; ; }; setup && python3 -m venv .venv", B,
	  "tar" },
	/* pdm init TEMPLATE: a git clone or a copy (src/pdm/cli/templates/
	 * __init__.py at pdm a7e9d0015b4d5ca5d1b0c558582f9bf41b2fdf54); uv tool
	 * run and hatch env run (src/hatch/cli/env/run.py at hatch
	 * ed8e30bebf98f2fe4d70c18a32a50a8160c391cb) run a command */
	{ "pdm init TEMPLATE: its files cloned or copied", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && pdm init --python 3.11 https://github.com/x/tpl", B,
	  "pdm init" },
	{ "pdm init --copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && pdm init --copier", B, "pdm init" },
	{ "pdm init minimal: a built-in template", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && pdm init -n minimal", M, "python3 -m venv" },
	{ "uv tool run copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && uv tool run --from copier copier copy gh:x/y .", B, "copier" },
	{ "uv tool run --from copier sh -c: the command after --from's value", P, "/p/proj",
	  "/p/proj/.venv", 1, NULL, "python3 -m venv .venv && uv tool run --from copier sh -c 'tar xf e'",
	  B, "tar" },
	{ "uvx copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && uvx copier copy gh:x/y .", B, "copier" },
	{ "hatch env run -i py=3.11 -- tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && hatch env run -i py=3.11 -- tar xf e.tar", B, "tar" },
	{ "hatch env run without --", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && hatch env run -e test tar xf e.tar", B, "tar" },
	{ "t\"\"ar in a function's body", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "function f { t\"\"ar xf e.tar; }; python3 -m venv .venv && f", B, "tar" },
	/* attack38: uv's global options between tool and run (uv 26a9dd4b
	 * crates/uv-cli/src/lib.rs, global = true); pdm new (new.py) */
	{ "uv tool -q run copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && uv tool -q run copier copy gh:x/y .", B, "copier" },
	{ "uv tool --directory . run copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && uv tool --directory . run copier copy gh:x/y .", B, "copier" },
	{ "uv tool --unknown run: which word runs cannot be told", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "python3 -m venv .venv && uv tool --frob run copier copy gh:x/y .", B, "" },
	{ "uv tool list runs nothing", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && uv tool list", M, "python3 -m venv" },
	{ "pdm new TEMPLATE PATH: argparse gives the first word to the template", P, "/p/proj",
	  "/p/proj/np/.venv", 1, NULL, "pdm new gh:x/tpl np && cd np && python3 -m venv .venv", B,
	  "pdm new" },
	{ "pdm new PATH: no template", P, "/p/proj", "/p/proj/np/.venv", 1, NULL,
	  "pdm new -n np && python3 -m venv np/.venv", M, "python3 -m venv" },
	{ "ln -s . d: a link above the env, then a copy through it", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "python3 -m venv .venv && ln -s . d && cp -r /x/env/. d/.venv/ && rm d", B, "ln" },
	{ "ln -s .venv d", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && ln -s .venv d && cp -r /x/bin d/ && rm d", B, "ln" },
	{ "ln -s ../shared/data data: elsewhere, made", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && ln -s ../shared/data data", M, "python3 -m venv" },
	{ "pipx run copier", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && pipx run copier copy gh:x/y .", B, "copier" },
	{ "hatch run tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && hatch run tar xf e.tar", B, "tar" },
	{ "pdm run tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && pdm run tar xf e.tar", B, "tar" },
	{ "an anonymous function's body", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "function { find . -exec tar xzf {} + }; python3 -m venv .venv", B, "tar" },
	{ "' inside a double-quoted ${...}, then sh -c", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv; echo \"${x:-'}\"; sh -c \"tar xzf p.tgz\"", B, "" },
	{ "an alias defined on the lines, then used", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "alias untar='tar -xzf'\037untar p.tgz && python3 -m venv .venv", B, "" },
	{ "cookiecutter brings files", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "cookiecutter gh:o/t && python3 -m venv .venv", B, "cookiecutter" },
	{ "python3 -m cookiecutter brings files", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m cookiecutter gh:o/t && python3 -m venv .venv", B, "python3 cookiecutter" },
	{ "patch brings files", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && patch -p1 < tools.patch", B, "patch" },
	{ "a backquote ends at the next backquote, whatever it quotes", P, "/p/proj", "/p/proj/.venv", 1,
	  NULL, "python3 -m venv .venv && echo `echo '# ]`\ntar xzf w.tgz -C .venv", B, "" },
	{ "$(case ... ) closes where the shell closes it", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && echo \"$(case a in a) echo '\"';; esac)\" && tar xzf w.tgz -C .venv", B,
	  "" },
	{ "a command the reader does not know, after text it read as quoted", P, "/p/proj", "/p/proj/.venv",
	  1, NULL,
	  "echo \"${A:-Let's go}\" && setsid tar xzf p.tgz && echo \"${B:-It's}\" && python3 -m venv .venv", B,
	  "" },
	{ "a bringer's name as an argument of a command the reader knows: made", P, "/p/proj",
	  "/p/proj/.venv", 1, NULL, "man tar; git commit -m \"fix tar\" && uv add tar && python3 -m venv .venv", M,
	  "uv add" },
	{ "zsh's =tar runs tar", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "python3 -m venv .venv && =tar xzf w.tgz -C .venv", B, "tar" },
	{ "a bringer's name only in text the reader reads right: still refused (an allow)", P, "/p/proj",
	  "/p/proj/.venv", 1, NULL, "echo \"x; tar it\" && python3 -m venv .venv", B, "" },
	{ "cp and git judged where they stand: made", P, "/p/proj", "/p/proj/.venv", 1, NULL,
	  "git status && cp .env.example .env && sudo -u me git log && python3 -m venv .venv", M,
	  "python3 -m venv" },
	{ "an empty line", P, "/p/proj", "/p/proj/.venv", 1, NULL, "", N, "" },
};

/* A line nested deeper than venvhook reads: unreadable, so it may have
 * brought anything. */
static void too_deep(void)
{
	struct vh_buf_like {
		char s[512];
	} b;
	struct vh_madeby out;
	struct vh_madeby_ask ask = { 0 };
	size_t i, n = 0;

	for (i = 0; i < 40; i++) {
		b.s[n++] = '$';
		b.s[n++] = '(';
	}
	memcpy(b.s + n, "python3 -m venv .venv", 21);
	n += 21;
	for (i = 0; i < 40; i++)
		b.s[n++] = ')';
	ask.lines = b.s;
	ask.len = n;
	ask.from = "/p/proj";
	ask.env = "/p/proj/.venv";
	ask.last_only = 1;
	tap_ok(vh_madeby_judge(&out, &ask) == 0 && out.verdict == VH_MADEBY_BROUGHT,
	       "nesting deeper than venvhook reads counts as bringing anything (%d)", out.verdict);
}

/* Big input: linear, and no crash on unclosed quotes and substitutions. */
static void big(void)
{
	static const char *const units[] = { "'", "\"", "$(", "`", "${", "<<E\n", "(", "\\", "#" };
	size_t len = 200000, i, u;
	char *s = malloc(len + 32);
	struct vh_madeby out;
	struct vh_madeby_ask ask = { 0 };

	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		size_t ul = strlen(units[u]);

		for (i = 0; i + ul <= len; i += ul)
			memcpy(s + i, units[u], ul);
		memcpy(s + i, " tar x", 6);
		ask.lines = s;
		ask.len = i + 6;
		ask.from = "/p";
		ask.env = "/p/.venv";
		tap_ok(vh_madeby_judge(&out, &ask) == 0, "200 KB of %s reads to the end", units[u]);
	}
	free(s);
}

/* A copy into a directory 300 names deep (there, not new): realpath()
 * reads the link of every prefix, so its cost grows with the square of
 * the depth and one such line is over the judgement's budget: where the
 * copy goes cannot be told (brought). Each level is made from the last
 * (mkdir at a directory descriptor), so no path is long. */
static void deep_dest(void)
{
	char root[256], *line = malloc(4096), *p;
	const char *tmp = getenv("TMPDIR");
	struct vh_madeby out;
	struct vh_madeby_ask ask = { 0 };
	char env[512];
	int fd, i;

	snprintf(root, sizeof(root), "%s/test_madeby_deep.XXXXXX",
		 tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
	if (!line || !mkdtemp(root)) {
		tap_ok(0, "a temporary tree for the deep copy");
		free(line);
		return;
	}
	fd = open(root, O_RDONLY | O_DIRECTORY);
	for (i = 0; i < 300 && fd >= 0; i++) {
		int next;

		mkdirat(fd, "a", 0700);
		next = openat(fd, "a", O_RDONLY | O_DIRECTORY);
		close(fd);
		fd = next;
	}
	if (fd >= 0)
		close(fd);
	p = line + sprintf(line, "python3 -m venv .venv; cp -r /x/y %s", root);
	for (i = 0; i < 300; i++)
		p += sprintf(p, "/a");
	sprintf(p, "/");
	snprintf(env, sizeof(env), "%s/.venv", root);
	ask.dialect = P;
	ask.programs = vh_shell_programs;
	ask.from = ask.base = root;
	ask.env = env;
	ask.last_only = 1;
	ask.lines = line;
	ask.len = strlen(line);
	tap_ok(vh_madeby_judge(&out, &ask) == 0 && out.verdict == B && !strcmp(out.by, "cp"),
	       "a copy 300 names deep is past the budget of lookups: brought (by '%s')", out.by);
	snprintf(line, 4096, "rm -rf '%s'", root);
	if (system(line) != 0)
		printf("# could not remove %s\n", root);
	free(line);
}

/* pixi walks the real file system: from the real directory it runs in up
 * to the nearest manifest, and -m's path canonicalized (crates/
 * pixi_manifest/src/discovery.rs, crates/pixi_cli/src/cli_config.rs at
 * pixi 2b25fc76dd3b5cc50a235387d948474975c40d73). These rows run in a tree
 * made here; @ stands for its root:
 *   @/p/proj/pixi.toml  @/p/proj/src/  @/p/proj/sub/pixi.toml  @/p/proj/sub/src/
 *   @/p/proj/pysub/pyproject.toml  @/p/other/pixi.toml  @/p/other/src/  @/p/elsewhere/
 *   @/p/link -> proj/src  @/p/proj/out -> ../elsewhere
 *   @/p/proj/data -> .  @/p/proj/loop -> loop  @/p/proj/.venv/ */
struct fsrow {
	const char *what, *from, *env, *line;
	int vars; /* PIXI_NO_INSTALL or PIXI_PROJECT_MANIFEST set (1); ALL */
	enum vh_madeby_verdict want;
	const char *by;
};
#define ALL 2 /* every line counts, not the last alone */
#define PX "@/p/proj/.pixi/envs/default"
static const struct fsrow fsrows[] = {
	{ "pixi install from src/", "@/p/proj/src", PX, "pixi install", 0, M, "pixi install" },
	{ "pixi run makes the default env, and runs its command", "@/p/proj/src", PX,
	  "pixi run -x python3 main.py", 0, M, "pixi run" },
	{ "pixi's aliases (pixi i)", "@/p/proj", PX, "pixi -v i", 0, M, "pixi i" },
	{ "pixi shell", "@/p/proj", PX, "pixi shell", 0, M, "pixi shell" },
	{ "pixi install -m naming the project's manifest", "@/p/proj/src", PX,
	  "pixi install -m ../pixi.toml", 0, M, "pixi install" },
	{ "pixi install --manifest-path= naming the project's directory", "@/p", PX,
	  "pixi install --manifest-path=proj", 0, M, "pixi install" },
	{ "pixi add tar: a package's name, no command", "@/p/proj", PX, "pixi add tar curl", 0, M,
	  "pixi add" },
	{ "pixi add in another project", "@/p/other", PX,
	  "pixi add numpy", 0, N, "" },
	{ "pixi install --manifest-path: a project elsewhere", "@/p/proj", PX,
	  "pixi install --manifest-path /q/pixi.toml", 0, N, "" },
	{ "pixi install -m naming another project", "@/p/proj", PX,
	  "pixi install -m ../other/pixi.toml", 0, N, "" },
	{ "pixi install -e test: another env than the default", "@/p/proj", PX,
	  "pixi install -e test", 0, N, "" },
	{ "pixi add --no-install: only the lock file", "@/p/proj", PX,
	  "pixi add --no-install numpy", 0, N, "" },
	{ "pixi -w NAME: a registered workspace, elsewhere", "@/p/proj", PX,
	  "pixi install -w other", 0, N, "" },
	{ "pixi install where no manifest is, nor above: no project, no env", "@/p/elsewhere",
	  "@/p/elsewhere/.pixi/envs/default", "pixi install", 0, N, "" },
	{ "pixi install from src/, which holds no manifest: the env is the project's, not src's",
	  "@/p/proj/src", "@/p/proj/src/.pixi/envs/default", "pixi install", 0, N, "" },
	{ "pixi install -m naming a directory with no manifest", "@/p/proj",
	  "@/p/elsewhere/.pixi/envs/default", "pixi install -m ../elsewhere", 0, N, "" },
	{ "40 pixi commands: past 32 walks up the tree, the lines are not read", "@/p/proj", PX,
	  "pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install; pixi install", 0, B, "" },
	{ "pixi init makes no env", "@/p/proj", PX,
	  "pixi init", 0, N, "" },
	{ "pixi install from a subdirectory of another project", "@/p/other/src", PX,
	  "pixi install", 0, N, "" },
	{ "pixi install -e default: the default env", "@/p/proj", PX, "pixi install -e default", 0, M,
	  "pixi install" },
	{ "pixi run --as-is: nothing installed", "@/p/proj", PX, "pixi run --as-is python3", 0, N, "" },
	/* nested projects: the nearest manifest is the project pixi installs */
	{ "pixi install where no manifest is above: not the env's", "@/p/elsewhere", PX,
	  "pixi install", 0, N, "" },
	{ "pixi install in a nested project: its env, not the outer one's", "@/p/proj/sub/src", PX,
	  "pixi install", 0, N, "" },
	{ "pixi install in a nested project makes that project's env", "@/p/proj/sub/src",
	  "@/p/proj/sub/.pixi/envs/default", "pixi install", 0, M, "pixi install" },
	{ "a pyproject.toml in between: maybe a project of pixi's (fails closed)", "@/p/proj/pysub", PX,
	  "pixi install", 0, N, "" },
	{ "a symlink out of the project: pixi walks up the real path", "@/p/proj/out", PX,
	  "pixi install", 0, N, "" },
	{ "a symlink into the project: its real path is in it", "@/p/link", PX, "pixi install", 0, M,
	  "pixi install" },
	{ "-m .. through a symlink: the kernel's .., not the shell's", "@/p/link", PX,
	  "pixi install -m ..", 0, M, "pixi install" },
	/* clap's joined forms; an option twice */
	{ "-mPATH: the value joined", "@/p/proj/src", PX, "pixi install -m../pixi.toml", 0, M,
	  "pixi install" },
	{ "-m=PATH", "@/p/proj/src", PX, "pixi install -m=../pixi.toml", 0, M, "pixi install" },
	{ "-vm PATH: a flag, then -m", "@/p/proj/src", PX, "pixi -vm ../pixi.toml install", 0, M,
	  "pixi install" },
	{ "-mPATH naming another project", "@/p/proj", PX, "pixi install -m../other/pixi.toml", 0, N,
	  "" },
	{ "-qmPATH naming another project", "@/p/proj", PX, "pixi add -qm../other numpy", 0, N, "" },
	{ "-m twice: clap refuses it, nothing is installed", "@/p/proj", PX,
	  "pixi install -m ../other -m pixi.toml", 0, N, "" },
	{ "-w then -m: clap refuses them together", "@/p/proj", PX, "pixi install -w x -m .", 0, N,
	  "" },
	{ "-xy, a cluster venvhook does not know: not made", "@/p/proj", PX, "pixi install -xy", 0, N,
	  "" },
	{ "pixi run -xy: which word is the task cannot be told", "@/p/proj", PX,
	  "pixi run -xy tar xf env.tar", 0, B, "" },
	/* what else changes the env pixi installs */
	{ "pixi add -f FEATURE: the envs that hold it", "@/p/proj", PX, "pixi add -f cuda pytorch", 0,
	  N, "" },
	{ "pixi add --feature=FEATURE", "@/p/proj", PX, "pixi add --feature=cuda pytorch", 0, N, "" },
	{ "PIXI_NO_INSTALL on the line", "@/p/proj", PX, "PIXI_NO_INSTALL=1 pixi install", 0, N, "" },
	{ "PIXI_PROJECT_MANIFEST exported on the lines", "@/p/proj/src", PX,
	  "export PIXI_PROJECT_MANIFEST=/q/pixi.toml; pixi install", 0, N, "" },
	{ "PIXI_NO_INSTALL set in the environment", "@/p/proj", PX, "pixi install", 1, N, "" },
	/* a copier's destination through the project's own symlink: where the
	 * kernel puts the copy, not where its text says */
	{ "cp -r DIR/. data/, data -> .: into the project itself", "@/p/proj", "@/p/proj/.venv",
	  "cp -r /x/ds/. data/", 0, B, "cp" },
	{ "cp -r DIR data/.venv, data -> .: the env itself", "@/p/proj", "@/p/proj/.venv",
	  "cp -r /x/ds data/.venv", 0, B, "cp" },
	{ "rsync -a DIR/ data, data -> .: its contents into the project", "@/p/proj",
	  "@/p/proj/.venv", "rsync -a /x/ds/ data", 0, B, "rsync" },
	{ "cp -r DIR data/, data -> .: DIR beside the env", "@/p/proj", "@/p/proj/.venv",
	  "cp -r /x/ds data/", 0, N, "" },
	{ "cp -r DIR data/new/deeper, data -> .: a new directory, not the env", "@/p/proj",
	  "@/p/proj/.venv", "cp -r /x/ds data/new/deeper", 0, N, "" },
	{ "cp into a symlink that loops: where cannot be told", "@/p/proj", "@/p/proj/.venv",
	  "cp -r /x/ds loop/", 0, B, "cp" },
	/* a cd is followed where its directory is there; one that fails
	 * leaves the shell where it was */
	{ "cd into the project, then uv add", "@/p", "@/p/proj/.venv", "cd proj && uv add requests", 0,
	  M, "uv add" },
	{ "mkdir, cd, make", "@/p", "@/p/new/.venv", "mkdir -p new && cd new && python3 -m venv .venv",
	  0, M, "python3 -m venv" },
	{ "the first line alone goes on after its cd", "@/p", "@/p/proj/.venv",
	  "cd proj && python3 -m venv .venv", ALL, M, "python3 -m venv" },
	{ "a cd that fails: where the cp after it works cannot be told", "@/p/proj", "@/p/proj/.venv",
	  "python3 -m venv .venv; cd build; cp -r /x/ds/. .", 0, B, "cp" },
	{ "a cd into a directory gone by now: where, cannot be told", "@/p/proj", "@/p/proj/.venv",
	  "python3 -m venv .venv && mkdir b && builtin cd b && cp -r /x/env/. ../.venv/ && builtin cd .. && rmdir b",
	  0, B, "cp" },
	{ "a cd that works: the cp after it works there", "@/p/proj", "@/p/proj/.venv",
	  "python3 -m venv .venv; cd src; cp -r /x/ds/. .", 0, M, "python3 -m venv" },
	{ "a cd through data -> . is followed, and a maker's path read by its text", "@/p/proj",
	  "@/p/proj/.venv", "cd data && python3 -m venv .venv", 0, N, "" },
};

/* path with @ replaced by root, into buf */
static const char *at_root(char *buf, size_t size, const char *root, const char *path)
{
	size_t n = 0;

	for (; *path && n + strlen(root) + 1 < size; path++)
		if (*path == '@')
			n += (size_t)snprintf(buf + n, size - n, "%s", root);
		else
			buf[n++] = *path;
	buf[n] = '\0';
	return buf;
}

static void pixi_tree(void)
{
	char root[256], p[512];
	static const char *const dirs[] = { "/p", "/p/new", "/p/proj", "/p/proj/src", "/p/proj/sub",
					    "/p/proj/sub/src", "/p/proj/pysub", "/p/other",
					    "/p/other/src", "/p/elsewhere", NULL };
	static const char *const files[] = { "/p/proj/pixi.toml", "/p/proj/sub/pixi.toml",
					     "/p/proj/pysub/pyproject.toml", "/p/other/pixi.toml",
					     NULL };
	const char *const *d;
	const char *tmp = getenv("TMPDIR");
	size_t i;

	snprintf(root, sizeof(root), "%s/test_madeby.XXXXXX",
		 tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		tap_ok(0, "a temporary tree for pixi's rows");
		return;
	}
	for (d = dirs; *d; d++) {
		snprintf(p, sizeof(p), "%s%s", root, *d);
		mkdir(p, 0700);
	}
	for (d = files; *d; d++) {
		FILE *f;

		snprintf(p, sizeof(p), "%s%s", root, *d);
		if ((f = fopen(p, "w")))
			fclose(f);
	}
	snprintf(p, sizeof(p), "%s/p/link", root);
	if (symlink("proj/src", p) < 0)
		tap_ok(0, "symlink @/p/link");
	snprintf(p, sizeof(p), "%s/p/proj/out", root);
	if (symlink("../elsewhere", p) < 0)
		tap_ok(0, "symlink @/p/proj/out");
	snprintf(p, sizeof(p), "%s/p/proj/data", root);
	if (symlink(".", p) < 0)
		tap_ok(0, "symlink @/p/proj/data");
	snprintf(p, sizeof(p), "%s/p/proj/loop", root);
	if (symlink("loop", p) < 0)
		tap_ok(0, "symlink @/p/proj/loop");
	snprintf(p, sizeof(p), "%s/p/proj/.venv", root);
	mkdir(p, 0700);
	for (i = 0; i < sizeof(fsrows) / sizeof(fsrows[0]); i++) {
		const struct fsrow *r = &fsrows[i];
		char from[512], env[512], line[512], *real;
		struct vh_madeby out;
		struct vh_madeby_ask ask = { 0 };
		int rc;

		ask.dialect = P;
		ask.programs = vh_shell_programs;
		ask.from = ask.base = at_root(from, sizeof(from), root, r->from);
		ask.home = "/h";
		ask.env = at_root(env, sizeof(env), root, r->env);
		/* as the policy asks: the env's real path too (macOS's /tmp is
		 * /private/tmp) */
		ask.real = real = realpath(env, NULL);
		ask.last_only = !(r->vars & ALL);
		ask.lines = at_root(line, sizeof(line), root, r->line);
		ask.len = strlen(line);
		ask.pixi_vars = r->vars & 1;
		rc = vh_madeby_judge(&out, &ask);
		if (!tap_ok(rc == 0 && out.verdict == r->want, "%s", r->what))
			printf("#   verdict %d, want %d (by '%s')\n", out.verdict, r->want, out.by);
		else
			tap_str(out.by, r->by, "  by");
		free(real);
	}
	snprintf(p, sizeof(p), "rm -rf '%s'", root);
	if (system(p) != 0)
		printf("# could not remove %s\n", root);
}

static void lines(void)
{
	struct vh_lines l;
	char big_value[VH_LINES_MAX + 8];

	tap_ok(vh_lines_read(&l, NULL) == 0 && l.state == VH_LINES_NONE, "no variable: none");
	vh_lines_free(&l);
	tap_ok(vh_lines_read(&l, "") == 0 && l.state == VH_LINES_NONE, "empty: none");
	vh_lines_free(&l);
	vh_lines_read(&l, "\036/p\036cd p\037ls\037python3 -m venv .venv\037\036");
	tap_ok(l.state == VH_LINES_OK && !strcmp(l.from, "/p") && l.len == 30 &&
	       !memcmp(l.lines, "cd p\037ls\037python3 -m venv .venv\037", 30),
	       "three fields: flags, from, the lines");
	vh_lines_free(&l);
	vh_lines_read(&l, "g\036\036ls\037\036");
	tap_ok(l.state == VH_LINES_GAP && !l.from, "g: a line is missing from the history; an empty from is none");
	vh_lines_free(&l);
	vh_lines_read(&l, "t\036\036ls\037\036");
	tap_ok(l.state == VH_LINES_CUT, "t: cut short");
	vh_lines_free(&l);
	vh_lines_read(&l, "\036/p\036ls\036y\036");
	tap_ok(l.state == VH_LINES_BAD, "a line holding the separator: unreadable");
	vh_lines_free(&l);
	vh_lines_read(&l, "\036/p\036");
	tap_ok(l.state == VH_LINES_BAD, "two fields: unreadable");
	vh_lines_free(&l);
	vh_lines_read(&l, "?");
	tap_ok(l.state == VH_LINES_ASK, "?: the hook will hand them over when asked");
	vh_lines_free(&l);
	vh_lines_read_list(&l, "-t", "/a", "cd x\nls\npython3 -m venv .venv\n", 29);
	tap_ok(l.state == VH_LINES_CUT && !strcmp(l.from, "/a") && l.len == 29 &&
	       !memcmp(l.lines, "cd x\037ls\037python3 -m venv .venv", 29),
	       "a list on stdin: one line each");
	vh_lines_free(&l);
	vh_lines_read_list(&l, "-o", "", "a\037b\n", 4);
	tap_ok(l.state == VH_LINES_BAD && !l.from, "a list holding the byte 037: unreadable");
	vh_lines_free(&l);
	memset(big_value, 'x', sizeof(big_value) - 1);
	big_value[sizeof(big_value) - 1] = '\0';
	vh_lines_read(&l, big_value);
	tap_ok(l.state == VH_LINES_BAD, "more than VH_LINES_MAX: unreadable");
	vh_lines_free(&l);
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		char text[1024];
		struct vh_madeby out;
		struct vh_madeby_ask ask = { 0 };
		int rc;

		ask.dialect = r->dialect;
		ask.programs = vh_shell_programs;
		ask.from = r->from;
		ask.home = "/h";
		ask.env = r->env;
		ask.real = !strcmp(r->env, "/p/link/.venv") ? "/p/proj/.venv" : NULL;
		ask.last_only = r->last_only;
		snprintf(text, sizeof(text), "%s%s", r->earlier ? r->earlier : "", r->line);
		ask.lines = text;
		ask.len = strlen(text);
		ask.base = r->earlier ? (!strcmp(r->env, "/p/x/.venv") ? "/p/x" : BASE) : r->from;
		rc = vh_madeby_judge(&out, &ask);
		if (!tap_ok(rc == 0 && out.verdict == r->want, "%s", r->what))
			printf("#   verdict %d, want %d (by '%s')\n", out.verdict, r->want, out.by);
		else
			tap_str(out.by, r->by, "  by");
	}
	pixi_tree();
	deep_dest();
	too_deep();
	big();
	lines();
	return tap_done();
}
