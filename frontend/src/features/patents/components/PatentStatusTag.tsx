import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { PatentStatus } from "../api/types";

const COLOURS: Record<PatentStatus, string> = {
  registered: "processing",
  verified: "success",
  rejected: "error",
  pledged: "purple",
  revoked: "default",
};

export function PatentStatusTag({ status }: { status: PatentStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`patent.statuses.${status}`)}</Tag>;
}
