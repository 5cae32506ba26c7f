/*
 * fuzz-reader - the line reader: any bytes give lines that are valid UTF-8
 * without NUL, CR or LF, and whose count matches the line ends; read
 * through a memory map, the same lines.
 */
#include <string.h>

#include "fuzz.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Reads the file at path, mapped or not, into all (lines joined by LF). */
static void
read_all(const char *path, int binary_check, int map, struct ttbuf *all)
{
	struct ttreader r;
	int rc;

	all->len = 0;
	tt_buf_reserve(all, 0);
	if (reader_open(&r, path, binary_check) != 0)
		return;
	if (map)
		reader_map(&r);
	while ((rc = reader_next(&r)) == 1) {
		if (!map)
			FUZZ_ASSERT(strlen(r.line) == r.len);
		fuzz_assert_line_utf8(r.line, r.len);
		tt_buf_add(all, r.line, r.len);
		tt_buf_addc(all, '\n');
	}
	FUZZ_ASSERT(rc == 0);
	reader_close(&r);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct ttbuf read, mapped;
	char path[64];
	int fd, check = size > 0 && (data[0] & 1);

	fd = fuzz_memfile(data, size, path, sizeof path);
	tt_prog = "fuzz-reader";
	read_all(path, check, 0, &read);
	if (!check) {
		read_all(path, 0, 1, &mapped);
		FUZZ_ASSERT(mapped.len == read.len &&
		    memcmp(mapped.s, read.s, read.len) == 0);
	}
	close(fd);
	tt_status = 0;
	return 0;
}
