import { useOrgs } from "@/lib/orgs";

/** An organisation's name, or its id until the names have loaded. */
export function OrgName({ id }: { id: string | null | undefined }) {
  const orgs = useOrgs();
  if (!id) return <>—</>;
  return <>{orgs.data?.get(id)?.name ?? `#${id}`}</>;
}
