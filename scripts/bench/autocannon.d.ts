// autocannon ships no types; the benchmark reads the few fields it needs (scripts/bench/load.ts).
declare module "autocannon";
