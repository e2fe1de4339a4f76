# Homebrew formula for venvhook, to homebrew-core's conventions as its
# formulae for direnv (Formula/d/direnv.rb) and zoxide (Formula/z/zoxide.rb)
# keep them: a license, the dependencies the build links, no caveats but
# what the user must do (the rc line), and a test that uses the program.
# Checked by reading only: no macOS or Homebrew machine builds venvhook, so
# `brew install --build-from-source`, `brew test` and `brew audit --strict
# --new` are still to be run (README's table of systems says the same).
# At release: url and sha256 name the tarball `make dist` writes, and
# license names the licence the authors choose (none is chosen yet: see
# debian/copyright); `brew audit` fails until both are filled.
class Venvhook < Formula
  desc "Python virtual environments that follow you around the shell"
  homepage "https://venvhook.invalid/"
  url "https://venvhook.invalid/releases/venvhook-0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license :cannot_represent

  head do
    url "https://venvhook.invalid/venvhook.git", branch: "main"

    depends_on "autoconf" => :build
    depends_on "automake" => :build
  end

  depends_on "pkgconf" => :build
  depends_on "inih"
  depends_on "libgit2"

  # SHA-256 comes from macOS's CommonCrypto; on Linux from libmd.
  on_linux do
    depends_on "libmd"
  end

  def install
    system "autoreconf", "--force", "--install", "--verbose" if build.head?
    # Load libgit2 through its opt path, which stays put across libgit2's
    # patch releases, rather than the Cellar path it was linked from.
    libgit2 = Formula["libgit2"]
    # --disable-werror: the users' compilers are newer than ours.
    system "./configure", "--disable-silent-rules", "--disable-werror",
                          "--with-libgit2-name=#{libgit2.opt_lib/shared_library("libgit2", libgit2.version.major_minor)}",
                          "--with-bash-completion-dir=#{bash_completion}",
                          "--with-zsh-completion-dir=#{zsh_completion}",
                          "--with-fish-completion-dir=#{fish_completion}",
                          *std_configure_args
    system "make", "install"
  end

  def caveats
    <<~EOS
      Add the line for your shell to the end of its rc file:
        bash (~/.bashrc):   eval "$(venvhook init bash)"
        zsh (~/.zshrc):     eval "$(venvhook init zsh)"
        fish (config.fish): venvhook init fish | source
    EOS
  end

  test do
    assert_equal "venvhook #{version}", shell_output("#{bin}/venvhook --version").strip

    # The hook calls a path that leads to this binary.
    hook = shell_output("#{opt_bin}/venvhook init bash")
    exe = hook[/^__venvhook_exe='([^']*)'$/, 1]
    assert_equal (bin/"venvhook").realpath, Pathname(exe).realpath

    # An env the user allowed is activated in its project.
    project = testpath.realpath/"proj"
    (project/".venv/bin").mkpath
    (project/".venv/pyvenv.cfg").write "home = /usr/bin\nversion = 3.12.0\n"
    system bin/"venvhook", "allow", project
    cd project do
      assert_match "VIRTUAL_ENV='#{project}/.venv'", shell_output("#{bin}/venvhook export zsh")
    end

    # A work tree whose root only libgit2 can tell (core.worktree): libgit2
    # is loaded, in a child, and answers.
    repo = testpath.realpath/"repo"
    system "git", "init", "--quiet", repo
    system "git", "-C", repo, "config", "core.worktree", repo
    (repo/"sub").mkpath
    cd repo/"sub" do
      assert_match "#{repo}, the git work-tree root", shell_output("#{bin}/venvhook status 2>&1")
    end
  end
end
