import { useOrgs } from "@/lib/orgs";

/** An organisation's name, or its id until the names have loaded; a proper name, never translated. */
export function OrgName({ id }: { id: string | null | undefined }) {
  const orgs = useOrgs();
  if (!id) return <>—</>;
  return <span translate="no">{orgs.data?.get(id)?.name ?? `#${id}`}</span>;
}
