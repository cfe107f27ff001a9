import { IntegrityCheck } from "@/features/audit/components/IntegrityCheck";

export function IntegrityRoute() {
  return <IntegrityCheck />;
}
