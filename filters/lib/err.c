/*
 * err.c - messages, exit status, checked stdout (layer 1: libc only).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* F_SETPIPE_SZ */
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

const char *tt_prog = "tt";
int tt_status;

void
tt_init(const char *prog)
{
	const char *slash;

	slash = strrchr(prog, '/');
	tt_prog = slash != NULL ? slash + 1 : prog;
	/* A reader that goes away (| head) ends us quietly. */
	signal(SIGPIPE, SIG_DFL);
#if defined(F_SETPIPE_SZ)
	/* Between the filters of a pipeline, a pipe of 1 MB rather than 64 KB
	 * means fewer switches; where it is no pipe, or not allowed, nothing
	 * changes. */
	(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
}

static void
vmessage(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", tt_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
tt_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}

void
tt_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	tt_status = 2;
}

void
tt_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	exit(2);
}

void
tt_version(const char *stemmer)
{
	printf("%s (transitietaal) " TT_VERSION "\n", tt_prog);
	if (stemmer != NULL)
		printf("stemmer: libstemmer %s (Snowball Dutch, Porter)\n",
		    stemmer);
	exit(tt_finish());
}

void
tt_help(const char *usage)
{
	fputs(usage, stdout);
	exit(tt_finish());
}

void
tt_usage(const char *usage)
{
	fputs(usage, stderr);
	exit(2);
}

/* The writer's flush, when a writer above this layer set one. */
static void (*finish_hook)(void);

void
tt_on_finish(void (*flush)(void))
{
	finish_hook = flush;
}

int
tt_finish(void)
{
	if (finish_hook != NULL)
		finish_hook();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		tt_error("stdout: %s", strerror(errno ? errno : EIO));
		fclose(stdout);
		return 2;
	}
	if (fclose(stdout) == EOF) {
		tt_error("stdout: %s", strerror(errno));
		return 2;
	}
	return tt_status;
}
