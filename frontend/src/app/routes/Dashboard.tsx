import { DashboardView } from "@/features/dashboard/components/DashboardView";

export function DashboardRoute() {
  return <DashboardView />;
}
