import { OrgsAdmin } from "@/features/admin/components/OrgsAdmin";
import { UsersAdmin } from "@/features/admin/components/UsersAdmin";

export function AdminOrgsRoute() {
  return <OrgsAdmin />;
}

export function AdminUsersRoute() {
  return <UsersAdmin />;
}
