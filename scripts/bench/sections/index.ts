/**
 * The sections of `npm run bench`, in the order they run and docs/testing.md numbers them. Each is a
 * module of this folder exporting a `Section` (../section.ts); add one by importing it and listing
 * it here. `--only <ids>` picks some by id.
 */
import type { Section } from "../section.js";
import { gas } from "./gas.js";
import { startup } from "./startup.js";
import { writes } from "./writes.js";
import { reads } from "./reads.js";
import { indexer } from "./indexer.js";
import { growth } from "./growth.js";

export interface SectionEntry {
  /** Its number in docs/testing.md (Benchmarks). */
  number: number;
  id: string;
  /** Used in the report when the section fails before returning its own. */
  title: string;
  run: Section;
}

export const SECTIONS: SectionEntry[] = [
  { number: 1, id: "gas", title: "Gas", run: gas },
  { number: 2, id: "reads", title: "API reads", run: reads },
  { number: 3, id: "writes", title: "Writes", run: writes },
  { number: 4, id: "indexer", title: "Indexer backfill", run: indexer },
  { number: 5, id: "growth", title: "Latency growth", run: growth },
  { number: 6, id: "startup", title: "Start-up and memory", run: startup },
];
