# Homebrew formula for venvhook, written to homebrew-core's conventions for
# autotools projects. UNTESTED: there is no macOS (or Linux Homebrew) machine
# where venvhook is developed; `brew install --build-from-source
# ./contrib/homebrew/venvhook.rb`, `brew test venvhook` and `brew audit
# --strict --new venvhook` are still to be run.
#
# Before it can be used:
# - url and sha256 name no published release yet: put those of the tarball
#   `make dist` writes (venvhook-VERSION.tar.gz) where it is published;
# - no licence is chosen yet (see debian/copyright), and homebrew-core
#   requires one: add `license "..."` below desc once there is one.
# libgit2 is dlopen()ed when a '.git' is met rather than linked, so `brew
# linkage` will report it as a dependency with no linkage; it is needed at
# run time all the same.
class Venvhook < Formula
  desc "Python virtual environments that follow you around the shell"
  homepage "https://venvhook.invalid/"
  url "https://venvhook.invalid/releases/venvhook-0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"

  head do
    url "https://venvhook.invalid/venvhook.git", branch: "main"

    depends_on "autoconf" => :build
    depends_on "automake" => :build
  end

  depends_on "pkgconf" => :build
  depends_on "inih"
  depends_on "libgit2"

  def install
    system "autoreconf", "--force", "--install", "--verbose" if build.head?
    # Load libgit2 through its opt path, which stays put across libgit2's
    # patch releases, rather than the Cellar path pkg-config reports.
    libgit2 = Formula["libgit2"]
    system "./configure", "--disable-silent-rules",
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
        bash (~/.bashrc):        eval "$(venvhook init bash)"
        zsh (~/.zshrc):          eval "$(venvhook init zsh)"
        fish (config.fish):      venvhook init fish | source
        tcsh (~/.tcshrc):        eval "`venvhook init tcsh`"
      macOS's /bin/csh is tcsh: use the tcsh line in ~/.cshrc too.
    EOS
  end

  test do
    assert_equal "venvhook #{version}", shell_output("#{bin}/venvhook --version").strip
    assert_match "__venvhook_exe='#{opt_bin.realpath}/venvhook'", shell_output("#{bin}/venvhook init bash")

    project = testpath.realpath/"proj"
    (project/".venv/bin").mkpath
    (project/".venv/pyvenv.cfg").write "home = /usr/bin\nversion = 3.12.0\n"
    system bin/"venvhook", "allow", project
    cd project do
      assert_match "VIRTUAL_ENV='#{project}/.venv'",
                   shell_output("env PWD=#{project} #{bin}/venvhook export zsh")
    end

    # A git work tree: libgit2 is loaded, and loads.
    system "git", "init", "--quiet", testpath/"repo"
    (testpath/"repo/sub").mkpath
    cd testpath/"repo/sub" do
      refute_match "cannot load libgit2", shell_output("#{bin}/venvhook export bash 2>&1")
    end
  end
end
