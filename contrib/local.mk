# Packaging (issue 16); included from Makefile.am. debian/ builds the
# Debian package, contrib/homebrew/ holds a Homebrew formula (untested).
EXTRA_DIST += \
	debian/changelog debian/clean debian/control debian/copyright debian/docs \
	debian/rules debian/source/format \
	contrib/homebrew/venvhook.rb \
	tests/deb-install-check

# make deb: the Debian package, as dpkg-buildpackage -us -uc -b builds it,
# from the release tarball in deb-build/ (so the tree's own build is left
# alone and debian/ is known to be in the tarball), then lintian, which
# must find no error and no warning. The .deb is copied here; .ci/run then
# installs it, tries it and removes it with tests/deb-install-check.
DEB_BUILD_DIR = deb-build
deb: dist-gzip
	rm -rf $(DEB_BUILD_DIR) && $(MKDIR_P) $(DEB_BUILD_DIR)
	tar -xzf $(distdir).tar.gz -C $(DEB_BUILD_DIR)
	cd $(DEB_BUILD_DIR)/$(distdir) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error,warning --display-info $(DEB_BUILD_DIR)/*.changes
	cp $(DEB_BUILD_DIR)/$(PACKAGE)_$(VERSION)_*.deb .
clean-local: clean-deb
clean-deb:
	rm -rf $(DEB_BUILD_DIR) $(PACKAGE)_*.deb
.PHONY: deb clean-deb
