import { AuditExplorer } from "@/features/audit/components/AuditExplorer";

export function AuditRoute() {
  return <AuditExplorer />;
}
