# headroom -- live memory dashboard for Linux cgroups
# SPDX-License-Identifier: GPL-2.0-or-later
#
#   make            build ./build/headroom (installs missing Debian packages first)
#   make deps       install every Debian package the build and the tests use
#   make run        build and start headroom on this machine
#   make test       every test: unit (plain and ASan+UBSan), real kernel (this machine's,
#                   and cgroup v2 in a QEMU guest), tmux, clang build
#   make bench      the sampling benchmark (see README)
#   make screenshots  PNGs of every screen from a live experiment, for README
#   make demo       a scripted live demo in tmux, for a talk
#   make V=1        show the commands
#   make SAN=1      ASan+UBSan build in build/asan
#   make mutants    each plausible bug in tests/mutants/ must fail its tests (slow; not in make test)
#   make coverage   line coverage per folder, gcov, from the tests on this machine (not in make test)

VERSION := 0.1.0
CC      ?= cc
PKGS    := ncursesw libproc2
O       := build
SANFLAGS :=
ifeq ($(SAN),1)
O        := build/asan
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
ifeq ($(COV),1)
O        := build/cov
SANFLAGS := --coverage
CFLAGS   := -O0 -g
endif
ifneq ($(filter clang%,$(notdir $(CC))),)
O        := $(O)/clang
else
# Messages are cut to their buffers on purpose.
WARN_GCC := -Wno-format-truncation
endif

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE -DHEADROOM_VERSION='"$(VERSION)"' $(WARN) $(WARN_GCC) $(CFLAGS) $(SANFLAGS) \
             -I. $(shell pkg-config --cflags $(PKGS)) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
LIBS     = $(shell pkg-config --libs $(PKGS)) -lm
TEST_LIBS = $(shell pkg-config --libs cmocka)

ifeq ($(V),1)
Q :=
else
Q := @
endif

# One folder a role (README, Architecture): util/ shared helpers, collectors/
# the kernel's files, model/ figures derived from samples, driver/ the
# sample loop's step, output/ batch text and JSON, lab/ lab mode, widgets/
# layout, tui/ the dashboard, cli/ the command line and main().
FOLDERS    := util collectors model driver output lab widgets tui cli
LIB_SRC    := $(filter-out cli/main.c,$(foreach d,$(FOLDERS),$(wildcard $(d)/*.c)))
LIB_OBJ    := $(LIB_SRC:%.c=$(O)/%.o)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
HELPER_SRC := $(wildcard tests/helpers/*.c)
HELPER_BIN := $(HELPER_SRC:tests/helpers/%.c=$(O)/tests/%)
BENCH_BIN  := $(O)/bench/bench

.PHONY: all deps deps-build run install uninstall test check bench screenshots demo clean format mutants coverage
all: deps-build $(O)/headroom

# Every Debian package the build and the tests use, installed if missing.
deps:
	$(Q)scripts/deps.sh test

deps-build:
	$(Q)scripts/deps.sh build

run: all
	./$(O)/headroom

# headroom on the PATH and its manual for man: README's commands as printed.
PREFIX ?= /usr/local
install: all
	install -D -m 755 $(O)/headroom $(DESTDIR)$(PREFIX)/bin/headroom
	install -D -m 644 docs/headroom.1 $(DESTDIR)$(PREFIX)/share/man/man1/headroom.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/headroom $(DESTDIR)$(PREFIX)/share/man/man1/headroom.1

$(O)/headroom: $(O)/cli/main.o $(O)/libheadroom.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(O)/libheadroom.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# test_incremental stands in for the kernel's ENODEV (see the test).
WRAP_incremental := -Wl,--wrap=fdpool_read
$(O)/tests/test_%: $(O)/tests/unit/test_%.o $(O)/libheadroom.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) $(WRAP_$*) -o $@ $^ $(LIBS) $(TEST_LIBS)

$(O)/tests/%: $(O)/tests/helpers/%.o
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^

$(BENCH_BIN): $(O)/bench/bench.o $(O)/libheadroom.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# check: the tests of one build variant (O).
check: $(O)/headroom $(UNIT_BIN) $(HELPER_BIN)
	$(Q)tests/run-unit.sh $(O)
	$(Q)tests/kernel/run.sh $(O)
	$(Q)sh tests/tui/test_tui.sh $(O)

test: deps
	$(Q)mkdir -p build && rm -f build/results.log
	$(Q)$(MAKE) --no-print-directory check
	$(Q)sh tests/layout.sh $(O) || true
	$(Q)sh tests/docs.sh $(O) || true
	$(Q)tests/qemu/run-lab.sh $(O) v2 || true
	$(Q)tests/qemu/run-lab.sh $(O) v1 || true
	$(Q)$(MAKE) --no-print-directory SAN=1 check
	$(Q)$(MAKE) --no-print-directory CC=clang $(O)/clang/headroom
	$(Q)tests/summary.sh

mutants: deps
	$(Q)tests/mutants/run.sh

# The tests of this machine (unit, real kernel, tmux) over a --coverage
# build; the QEMU guests' runs are not counted (their .gcda stay there).
coverage: deps
	$(Q)rm -rf build/cov && mkdir -p build/cov && rm -f build/results.log
	$(Q)$(MAKE) --no-print-directory COV=1 check || true
	$(Q)tests/coverage.sh build/cov

bench: deps-build
	$(Q)scripts/deps.sh bench
	$(Q)$(MAKE) --no-print-directory $(BENCH_BIN) $(O)/headroom
	$(Q)bench/run.sh $(O)

# PNGs of every screen from a live experiment on this machine (README shows them).
screenshots: deps-build
	$(Q)scripts/deps.sh shots
	$(Q)$(MAKE) --no-print-directory $(O)/headroom $(O)/tests/hog
	$(Q)scripts/screenshots.sh $(O)

# A scripted live demo in tmux (lab mode), for a talk.
demo: all
	$(Q)scripts/deps.sh test
	$(Q)scripts/demo.sh $(O)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build

-include $(wildcard $(O)/*/*.d $(O)/*/*/*.d)
