import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Page, Schemas } from "@/types/api";

/** actionRequired: it asks this organisation to act; open: the action it asks for is still to be done. */
export type Notification = Schemas["Notification"];

export interface NotificationQuery {
  open?: boolean;
  limit: number;
  offset: number;
}

/** `open` counts what still needs this organisation's action, whatever the filter. */
export type NotificationPage = Page<Notification> & { open: number };

export const notificationsQueryKey = (query?: NotificationQuery) =>
  query ? (["notifications", query] as const) : ["notifications"];

export const getNotifications = (query: NotificationQuery, signal?: AbortSignal) =>
  api.get<NotificationPage>("/notifications", { ...query }, signal);

export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: notificationsQueryKey(query),
    queryFn: ({ signal }) => getNotifications(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many items wait for this organisation, polled for the header's badge. */
export function useOpenNotificationCount() {
  return useQuery({
    queryKey: notificationsQueryKey({ open: true, limit: 1, offset: 0 }),
    queryFn: ({ signal }) => getNotifications({ open: true, limit: 1, offset: 0 }, signal),
    select: (page) => page.open,
    refetchInterval: 60_000,
  });
}
