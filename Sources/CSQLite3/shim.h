#ifndef CSQLITE3_SHIM_H
#define CSQLITE3_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast macro that Swift cannot import. */
static inline int csqlite3_bind_text_transient(sqlite3_stmt *stmt, int index,
                                               const char *text, int n) {
    return sqlite3_bind_text(stmt, index, text, n, SQLITE_TRANSIENT);
}
static inline int csqlite3_bind_blob_transient(sqlite3_stmt *stmt, int index,
                                               const void *data, int n) {
    return sqlite3_bind_blob(stmt, index, data, n, SQLITE_TRANSIENT);
}
/* sqlite3_config is variadic, which Swift cannot call. Turning off memory statistics removes a
   global mutex from every allocation; it must run before the library initialises. */
static inline int csqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
