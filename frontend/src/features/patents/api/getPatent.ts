import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { PatentDetail } from "./types";

export const patentQueryKey = (id: string) => ["patents", "detail", id] as const;

export const getPatent = (id: string, signal?: AbortSignal) =>
  api.get<PatentDetail>(`/patents/${encodeURIComponent(id)}`, undefined, signal);

export function usePatent(id: string) {
  return useQuery({ queryKey: patentQueryKey(id), queryFn: ({ signal }) => getPatent(id, signal) });
}
