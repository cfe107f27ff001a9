import { useTranslation } from "react-i18next";
import { zhCN } from "@/i18n/locales/zh-CN";

export type KnownEventKind = keyof typeof zhCN.eventKinds;

/** Every contract event the indexer mirrors (backend/src/indexer/handlers.ts), by name. */
export const EVENT_KINDS = Object.keys(zhCN.eventKinds) as KnownEventKind[];

export const isKnownEventKind = (kind: string): kind is KnownEventKind => Object.hasOwn(zhCN.eventKinds, kind);

/** A contract event's name in the user's language; an event this app does not know keeps its name. */
export function EventKind({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <span title={kind}>{isKnownEventKind(kind) ? t(`eventKinds.${kind}`) : kind}</span>;
}
