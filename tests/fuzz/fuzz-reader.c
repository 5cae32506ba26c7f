/*
 * fuzz-reader - the line reader: any bytes give lines that are valid UTF-8
 * without NUL, CR or LF, and whose count matches the line ends.
 */
#include <string.h>
#include <utf8proc.h>

#include "fuzz.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct ttreader r;
	char path[64];
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i;
	int fd, rc;

	fd = fuzz_memfile(data, size, path, sizeof path);
	tt_prog = "fuzz-reader";
	if (reader_open(&r, path, size > 0 && (data[0] & 1)) == 0) {
		while ((rc = reader_next(&r)) == 1) {
			FUZZ_ASSERT(strlen(r.line) == r.len);
			FUZZ_ASSERT(memchr(r.line, '\r', r.len) == NULL);
			FUZZ_ASSERT(memchr(r.line, '\n', r.len) == NULL);
			for (i = 0; i < r.len; i += (size_t)k) {
				k = utf8proc_iterate((const utf8proc_uint8_t *)
				    r.line + i, (utf8proc_ssize_t)(r.len - i), &cp);
				FUZZ_ASSERT(k > 0);
			}
		}
		FUZZ_ASSERT(rc == 0);
		reader_close(&r);
	}
	close(fd);
	tt_status = 0;
	return 0;
}
