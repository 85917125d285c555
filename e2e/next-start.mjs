// How the tests and the benchmarks start Bellhop: `next start` in this Node process's binary, with the heap limit that
// `npm start` gives it (package.json). The limit also sets how far V8 lets garbage pile up before a full collection:
// with its default on a large machine (about 4 GB), a busy server grows to several times its live heap.
// The edge (lib/security/edge.mjs) settles each request's address, host and scheme before Next reads it.
export const NEXT_START_ARGS = [
  "--max-old-space-size=1024",
  "--import",
  "./lib/security/edge.mjs",
  "node_modules/next/dist/bin/next",
  "start",
];
