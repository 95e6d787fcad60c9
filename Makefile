# akhbar - a terminal news reader that gets right-to-left text right.
.POSIX:

VERSION = 0.1.0
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
LIBEXECDIR = $(PREFIX)/libexec/akhbar
DESTDIR =

CC = cc
PKG_CONFIG = pkg-config
# akhbar itself links every library but libcurl, which only akhbar-fetch
# (the download program fetch_run() starts) links: 29 shared libraries
# and 12-16 ms fewer at every start (src/fetch_pipe.c).
PKGS = ncursesw fribidi sqlite3 libxml-2.0 libutf8proc json-c \
	libcmark icu-i18n icu-uc
FETCH_PKGS = libcurl
# SAN=address,undefined builds everything with the sanitizers.
SAN =
SANFLAGS = `[ -n "$(SAN)" ] && echo "-fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all"`

PKG_CFLAGS = `$(PKG_CONFIG) --cflags $(PKGS) $(FETCH_PKGS) 2>/dev/null || echo -I/usr/include/fribidi -I/usr/include/libxml2 -I/usr/include/json-c`
LINK_PKGS = $(PKGS)
PKG_LIBS = `$(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null || echo -lncursesw -lfribidi -lsqlite3 -lxml2 -lutf8proc -ljson-c \
	-lcmark -licui18n -licuuc -licudata`
FETCH_LIBS = `$(PKG_CONFIG) --libs $(FETCH_PKGS) 2>/dev/null || echo -lcurl` \
	-lpthread
CFLAGS = -O2 -g
# .ci/run builds with WERROR=-Werror; a user's build only warns.
WERROR =
AKHBAR_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DVERSION=\"$(VERSION)\" -DDATADIR=\"$(PREFIX)/share/akhbar\" \
	-DLOCALEDIR=\"$(LOCALEDIR)\" -DLIBEXECDIR=\"$(LIBEXECDIR)\" \
	-Wall -Wextra $(WERROR) -Wno-unused-parameter $(PKG_CFLAGS) $(SANFLAGS) \
	$(CFLAGS)
AKHBAR_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
AKHBAR_LIBS = $(PKG_LIBS) -lm -lpthread

# Layer 1 (text core), layer 2 (feeds, store, fetch) and the commands.
CORE_OBJ = src/util.o src/utf8.o src/doc.o src/text.o src/html.o \
	src/wrap.o src/bidi.o src/cells.o src/render.o src/theme.o \
	src/match.o src/rules.o src/dump.o src/article.o src/saved.o src/markdown.o \
	src/folder.o src/export.o src/charset.o src/extract.o src/extract_dom.o \
	src/extract_meta.o src/extract_fetch.o src/extract_parse.o \
	src/feed.o src/feed_queue.o src/date.o src/store.o src/store_fts.o src/store_terms.o \
	src/store_house.o \
	src/store_fulltext.o src/fetch_pipe.o src/fetch_exec.o src/fulltext.o \
	src/urls.o src/opml.o \
	src/cmd.o src/cmd_dump.o src/cmd_feed.o src/cmd_store.o \
	src/cmd_export.o src/cmd_search.o src/cmd_extract.o src/search.o \
	src/cmd_fulltext.o \
	src/app.o src/config.o src/source.o \
	src/reader.o src/reader_mark.o src/reader_find.o src/reader_rows.o \
	src/reader_screens.o src/child.o src/reader_ignore.o src/reader_fulltext.o \
	src/reader_links.o src/reader_exec.o src/osc.o src/keymap.o \
	src/i18n.o src/ldate.o
MAIN_OBJ = src/main.o src/tui.o src/tui_draw.o src/tui_refresh.o \
	src/tui_fulltext.o src/tui_exec.o
FETCH_OBJ = src/fetch_main.o src/fetch.o
HDR = src/*.h

# Translations: po/LL.po -> po/locale/LL/LC_MESSAGES/akhbar.mo, where an
# uninstalled akhbar finds them (src/i18n.c).
LINGUAS = ar fa he
MO = po/locale/ar/LC_MESSAGES/akhbar.mo po/locale/fa/LC_MESSAGES/akhbar.mo \
	po/locale/he/LC_MESSAGES/akhbar.mo
MSGFMT = msgfmt
XGETTEXT = xgettext

all: akhbar akhbar-fetch $(MO)

po/locale/ar/LC_MESSAGES/akhbar.mo: po/ar.po
po/locale/fa/LC_MESSAGES/akhbar.mo: po/fa.po
po/locale/he/LC_MESSAGES/akhbar.mo: po/he.po
$(MO):
	@mkdir -p `dirname $@`
	$(MSGFMT) -c -o $@ po/`echo $@ | cut -d/ -f3`.po

# pot regenerates the template from every _(), N_() and ngettext() in src/.
pot:
	$(XGETTEXT) --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 \
		--add-comments=TRANSLATORS: --package-name=akhbar \
		--package-version=$(VERSION) --msgid-bugs-address=akhbar \
		-o po/akhbar.pot src/*.c src/*.h

# update-po merges the template into each catalogue (new strings come in
# untranslated, changed ones fuzzy: tests/e2e/po.sh fails until they are
# translated).
update-po: pot
	for l in $(LINGUAS); do \
		msgmerge --quiet --update --backup=none po/$$l.po po/akhbar.pot \
		    || exit 1; \
	done

# man regenerates the KEYS list of man/akhbar.1 from the action table
# (man/keys_man.c, linked with libcore.a); tests/e2e/man_keys.sh checks
# that the committed page is what this makes.
man/keys_man: man/keys_man.c libcore.a src/app.h
	$(CC) $(AKHBAR_CFLAGS) -Isrc -o $@ man/keys_man.c libcore.a \
		$(AKHBAR_LDFLAGS) $(AKHBAR_LIBS)

man: man/keys_man
	man/keys_man > man/keys.tmp
	awk 'FNR == NR { keys = keys $$0 "\n"; next } \
	    /^\.\\" END KEYS/ { printf "%s", keys; skip = 0 } \
	    !skip { print } \
	    /^\.\\" BEGIN KEYS/ { skip = 1 }' man/keys.tmp man/akhbar.1 \
	    > man/akhbar.1.new
	rm -f man/keys.tmp
	mv man/akhbar.1.new man/akhbar.1

.c.o:
	$(CC) $(AKHBAR_CFLAGS) -c $< -o $@

$(CORE_OBJ) $(MAIN_OBJ) $(FETCH_OBJ): $(HDR) src/.flags

# src/.flags changes when the compiler or its flags do (a SAN= build after a
# plain one), so no object built with other flags is ever linked in.
src/.flags: FORCE
	@echo '$(CC) $(AKHBAR_CFLAGS)' >$@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
FORCE:

libcore.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $(CORE_OBJ)

akhbar: $(MAIN_OBJ) libcore.a
	$(CC) $(AKHBAR_LDFLAGS) -o $@ $(MAIN_OBJ) libcore.a $(AKHBAR_LIBS)

akhbar-fetch: $(FETCH_OBJ) libcore.a
	$(CC) $(AKHBAR_LDFLAGS) -o $@ $(FETCH_OBJ) libcore.a $(FETCH_LIBS)

# deps installs what building and `make check` need (Debian/Ubuntu
# package names; tests/deps.sh prints the names for dnf, pacman, apk and
# pkg where there is no apt-get). deps-dev adds what `make fuzz` and
# `make bench` use: clang's fuzzer runtime and the reference tools.
DEB_PKGS = build-essential pkg-config libncurses-dev libfribidi-dev \
	libcurl4-openssl-dev libsqlite3-dev libxml2-dev libutf8proc-dev \
	libjson-c-dev libcmark-dev libcmocka-dev tmux python3 unicode-data \
	libfribidi-bin libxml2-utils sqlite3 sfeed time libicu-dev gettext \
	locales
DEB_PKGS_DEV = clang libclang-rt-14-dev hyperfine newsboat
deps:
	@sh tests/deps.sh $(DEB_PKGS)
	@sh tests/locales.sh

deps-dev: deps
	@sh tests/deps.sh $(DEB_PKGS_DEV)

run: deps akhbar
	./akhbar tests/in/articles

check: deps akhbar akhbar-fetch libcore.a $(MO)
	@CC="$(CC)" CFLAGS="$(AKHBAR_CFLAGS)" LDFLAGS="$(AKHBAR_LDFLAGS)" \
		LIBS="$(AKHBAR_LIBS)" sh tests/run.sh $(T)

bench: deps-dev akhbar akhbar-fetch libcore.a
	@CC="$(CC)" CFLAGS="$(AKHBAR_CFLAGS)" LDFLAGS="$(AKHBAR_LDFLAGS)" \
		LIBS="$(AKHBAR_LIBS)" sh tests/bench/run.sh

install: akhbar akhbar-fetch $(MO)
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(PREFIX)/share/akhbar/themes
	cp -f akhbar $(DESTDIR)$(PREFIX)/bin/akhbar
	chmod 755 $(DESTDIR)$(PREFIX)/bin/akhbar
	cp -f akhbar-fetch $(DESTDIR)$(LIBEXECDIR)/akhbar-fetch
	chmod 755 $(DESTDIR)$(LIBEXECDIR)/akhbar-fetch
	cp -f man/akhbar.1 $(DESTDIR)$(MANPREFIX)/man1/akhbar.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/akhbar.1
	cp -f man/akhbar.conf.5 $(DESTDIR)$(MANPREFIX)/man5/akhbar.conf.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man5/akhbar.conf.5
	for f in themes/*; do \
		[ -f "$$f" ] || continue; \
		cp -f "$$f" $(DESTDIR)$(PREFIX)/share/akhbar/themes/; \
		chmod 644 "$(DESTDIR)$(PREFIX)/share/akhbar/themes/$${f#themes/}"; \
	done
	for l in $(LINGUAS); do \
		d=$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		mkdir -p $$d; \
		cp -f po/locale/$$l/LC_MESSAGES/akhbar.mo $$d/akhbar.mo; \
		chmod 644 $$d/akhbar.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/akhbar \
		$(DESTDIR)$(MANPREFIX)/man1/akhbar.1 \
		$(DESTDIR)$(MANPREFIX)/man5/akhbar.conf.5
	rm -rf $(DESTDIR)$(PREFIX)/share/akhbar $(DESTDIR)$(LIBEXECDIR)
	for l in $(LINGUAS); do \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/akhbar.mo; \
	done

dist:
	git archive --prefix=akhbar-$(VERSION)/ -o akhbar-$(VERSION).tar.gz HEAD

# fuzz builds the libFuzzer drivers in fuzz/ with clang, ASan and UBSan,
# from the core sources compiled again into fuzz/obj (see doc/security.md).
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DVERSION=\"$(VERSION)\" -DDATADIR=\"$(PREFIX)/share/akhbar\" \
	-Wall -Wextra $(WERROR) -Wno-unused-parameter -Wno-unused-function \
	$(PKG_CFLAGS) -O1 -g $(FUZZ_SAN) -Isrc
FUZZ_TARGETS = fuzz/fuzz_feed fuzz/fuzz_html fuzz/fuzz_render \
	fuzz/fuzz_theme fuzz/fuzz_urls fuzz/fuzz_opml fuzz/fuzz_config \
	fuzz/fuzz_saved fuzz/fuzz_search fuzz/fuzz_extract

fuzz: deps-dev $(FUZZ_TARGETS)
	@sh fuzz/seeds.sh

fuzz/libcore.a: $(CORE_OBJ:.o=.c) $(HDR)
	mkdir -p fuzz/obj
	for o in $(CORE_OBJ); do \
		c=$${o%.o}.c; b=$${o#src/}; \
		$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
		    -c $$c -o fuzz/obj/$$b || exit 1; \
	done
	rm -f $@
	cd fuzz/obj && ar rcs ../libcore.a *.o

fuzz/fuzz_feed: fuzz/fuzz_feed.c
fuzz/fuzz_html: fuzz/fuzz_html.c
fuzz/fuzz_render: fuzz/fuzz_render.c
fuzz/fuzz_theme: fuzz/fuzz_theme.c
fuzz/fuzz_urls: fuzz/fuzz_urls.c
fuzz/fuzz_opml: fuzz/fuzz_opml.c
fuzz/fuzz_config: fuzz/fuzz_config.c
fuzz/fuzz_saved: fuzz/fuzz_saved.c
fuzz/fuzz_search: fuzz/fuzz_search.c
fuzz/fuzz_extract: fuzz/fuzz_extract.c
$(FUZZ_TARGETS): fuzz/libcore.a fuzz/fuzz_common.h
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $@.c \
	    fuzz/libcore.a $(AKHBAR_LIBS)

clean:
	rm -f akhbar akhbar-fetch libcore.a src/*.o src/.flags tests/unit/*.bin akhbar-*.tar.gz
	rm -rf tests/tmp po/locale man/keys_man
	rm -rf fuzz/obj fuzz/libcore.a $(FUZZ_TARGETS)

.PHONY: all pot update-po man deps deps-dev run check bench install uninstall dist clean fuzz
