// DuckDB's allocator (jemalloc, inside its native module) keeps freed pages for about 10 s before
// giving them back. Under 20 analysts over five national years the server's RSS carried some
// 0.9 GB of such pages on top of DuckDB's own 1 GB (2.2 GB measured); returning them after half a
// second keeps RSS near what DuckDB uses. jemalloc reads this once, when DuckDB's module loads, so
// a server's entry point imports this module before anything that loads DuckDB.
process.env.DUCKDB_JE_MALLOC_CONF ??= 'dirty_decay_ms:500,muzzy_decay_ms:0';
export {};
