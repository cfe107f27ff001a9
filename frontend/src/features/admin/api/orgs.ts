import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import { orgsQueryKey } from "@/lib/orgs";
import { everyValueOf, type Organisation, type Page, type Schemas } from "@/types/api";

/** An organisation as onboarding reports it: whether its role on the ledger has been granted. */
export interface ProvisionedOrganisation extends Organisation {
  roleGranted: boolean;
  /** Who grants the role on chain: a regulator approves IP offices, appraisers, the fund and further regulators. */
  seatedBy: "operator" | "regulator";
  txHash: string | null;
  blockNumber: number | null;
}

/** The kinds an organisation is onboarded as (the operator's own admin organisation is not one), in the form's order. */
export type OrgKind = Schemas["NewOrganisation"]["kind"];
export const ORG_KINDS = everyValueOf<OrgKind>()(["enterprise", "bank", "appraiser", "ipoffice", "fund", "regulator"]);

const adminOrgsKey = ["admin", "orgs"] as const;

/** GET /api/orgs, then each one's detail for whether its role was granted (tens of organisations). */
export function useAdminOrgs() {
  return useQuery({
    queryKey: adminOrgsKey,
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Organisation>>("/orgs", { limit: 200 }, signal);
      const details = await Promise.all(
        page.items.map((org) =>
          api.get<Omit<ProvisionedOrganisation, "txHash" | "blockNumber">>(
            `/orgs/${encodeURIComponent(org.id)}`,
            undefined,
            signal,
          ),
        ),
      );
      return { items: details, total: page.total };
    },
    placeholderData: keepPreviousData,
  });
}

function useRefreshOrgs() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: adminOrgsKey });
    void queryClient.invalidateQueries({ queryKey: orgsQueryKey });
  };
}

export function useCreateOrg() {
  const refresh = useRefreshOrgs();
  return useMutation({
    mutationFn: (org: { name: string; kind: OrgKind }) => api.post<ProvisionedOrganisation>("/orgs", org),
    onSuccess: refresh,
  });
}

export function useProvisionOrg() {
  const refresh = useRefreshOrgs();
  return useMutation({
    mutationFn: (id: string) => api.post<ProvisionedOrganisation>(`/orgs/${encodeURIComponent(id)}/provision`),
    onSuccess: refresh,
  });
}

/** POST /api/orgs/:id/rotate-key: the organisation signs with a new key from then on; the old one is retired. */
export interface RotatedOrganisation extends ProvisionedOrganisation {
  rotation: { id: string; reason: string; newKey: string; completedAt: string | null };
  proposalTxHash: string | null;
}

export function useRotateKey() {
  const refresh = useRefreshOrgs();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<RotatedOrganisation>(`/orgs/${encodeURIComponent(id)}/rotate-key`, { reason }),
    onSuccess: refresh,
  });
}
