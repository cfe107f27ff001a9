import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Table, Typography } from "antd";
import type React from "react";
import { useTranslation } from "react-i18next";
import { Hash } from "@/components/Hash";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { QueryError } from "@/components/QueryError";
import { api } from "@/lib/apiClient";
import type { Organisation, Page } from "@/types/api";

const awaitingKey = ["orgs", "awaitingApproval"] as const;

/** POST /api/orgs/:id/approve: the regulator's own key grants the organisation its role. */
interface Approved extends Organisation {
  roleGranted: boolean;
  txHash: string | null;
}

/**
 * The regulator's approvals: the operator onboards IP offices, appraisers, the fund and further
 * regulators, but only a regulator seats them on the ledger (SPEC section 8), so the operator
 * cannot seat a puppet authority.
 */
export function PendingApprovals() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const awaiting = useQuery({
    queryKey: awaitingKey,
    queryFn: ({ signal }) => api.get<Page<Organisation>>("/orgs", { awaitingApproval: "true", limit: 200 }, signal),
  });
  const approve = useMutation({
    mutationFn: (id: string) => api.post<Approved>(`/orgs/${encodeURIComponent(id)}/approve`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["orgs"] }),
  });
  return (
    <Card data-testid="pending-approvals" title={t("approvals.title")}>
      <Typography.Paragraph type="secondary">{t("approvals.intro")}</Typography.Paragraph>
      {awaiting.isError ? (
        <QueryError error={awaiting.error} onRetry={() => void awaiting.refetch()} />
      ) : (
        <Table<Organisation>
          rowKey="id"
          size="small"
          loading={awaiting.isPending}
          dataSource={awaiting.data?.items}
          locale={{ emptyText: t("approvals.none") }}
          pagination={false}
          onRow={(org) => ({ "data-testid": `approval-${org.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: "name", title: t("admin.name"), dataIndex: "name" },
            {
              key: "kind",
              title: t("admin.kind"),
              dataIndex: "kind",
              render: (kind: Organisation["kind"]) => t(`roles.${kind}`),
            },
            {
              key: "address",
              title: t("admin.address"),
              dataIndex: "address",
              render: (address: string) => <Hash value={address} />,
            },
            {
              key: "approve",
              title: t("admin.actions"),
              render: (_: unknown, org) => (
                <Button
                  type="primary"
                  size="small"
                  loading={approve.isPending && approve.variables === org.id}
                  disabled={approve.isPending}
                  onClick={() => approve.mutate(org.id)}
                  data-testid={`approve-${org.id}`}
                >
                  {t("approvals.approve")}
                </Button>
              ),
            },
          ]}
        />
      )}
      <LedgerWriteStatus
        write={approve}
        testId="approve-status"
        success={approve.data ? t("approvals.approved", { name: approve.data.name }) : null}
      />
    </Card>
  );
}
