import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Hash } from "@/components/Hash";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { QueryError } from "@/components/QueryError";
import { useSession } from "@/lib/session";
import type { Organisation } from "@/types/api";
import { ORG_KINDS, useAdminOrgs, useCreateOrg, useProvisionOrg, type OrgKind } from "../api/orgs";
import { mayRotateKey, RotateKeyDialog } from "./RotateKeyDialog";

type Row = Organisation & { roleGranted: boolean; seatedBy: "operator" | "regulator" };

function NewOrgForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; kind: OrgKind }>();
  const create = useCreateOrg();
  return (
    <Card title={t("admin.newOrg")}>
      <Form<{ name: string; kind: OrgKind }>
        form={form}
        layout="inline"
        disabled={create.isPending}
        onFinish={(values) =>
          create.mutate({ name: values.name.trim(), kind: values.kind }, { onSuccess: () => form.resetFields() })
        }
        data-testid="new-org-form"
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="name"
          label={t("admin.name")}
          rules={[{ required: true, whitespace: true, message: t("admin.nameRequired") }]}
        >
          <Input style={{ width: 280 }} maxLength={200} data-testid="org-name" />
        </Form.Item>
        <Form.Item name="kind" label={t("admin.kind")} rules={[{ required: true, message: t("admin.kindRequired") }]}>
          <Select
            style={{ width: 180 }}
            aria-label={t("admin.kind")}
            data-testid="org-kind"
            options={ORG_KINDS.map((kind) => ({ value: kind, label: t(`roles.${kind}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-org-button">
          {t("admin.create")}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <LedgerWriteStatus
          write={create}
          testId="create-org-status"
          success={
            create.data && !create.data.roleGranted && create.data.seatedBy === "regulator"
              ? t("admin.createdAwaitingRegulator", { name: create.data.name })
              : create.data
                ? `${create.data.name} · ${create.data.address}`
                : null
          }
        />
      </div>
    </Card>
  );
}

/**
 * The operator onboards organisations: each gets a ledger account and its kind's role on chain. The
 * operator (enterprises, banks) and a regulator (any organisation but the operator's) rotate an
 * organisation's signing key here.
 */
export function OrgsAdmin() {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  const orgs = useAdminOrgs();
  const provision = useProvisionOrg();
  const [rotating, setRotating] = useState<Row | null>(null);
  const isOperator = role === "admin";

  const columns: TableProps<Row>["columns"] = [
    { key: "id", title: "ID", dataIndex: "id", width: 70 },
    { key: "name", title: t("admin.name"), dataIndex: "name" },
    { key: "kind", title: t("admin.kind"), dataIndex: "kind", render: (kind: Row["kind"]) => t(`roles.${kind}`) },
    {
      key: "address",
      title: t("admin.address"),
      dataIndex: "address",
      render: (address: string) => <Hash value={address} />,
    },
    {
      key: "signingAddress",
      title: t("admin.signingAddress"),
      render: (_: unknown, org) => <Hash value={org.signingAddress ?? org.address} />,
    },
    {
      key: "role",
      title: t("admin.roleGranted"),
      render: (_: unknown, org) =>
        org.roleGranted ? (
          <Tag color="success">{t("admin.granted")}</Tag>
        ) : org.seatedBy === "regulator" ? (
          <Tag color="processing" data-testid={`awaiting-regulator-${org.id}`}>
            {t("admin.awaitingRegulator")}
          </Tag>
        ) : !isOperator ? (
          <Tag color="warning">{t("admin.notGranted")}</Tag>
        ) : (
          <Space>
            <Tag color="warning">{t("admin.notGranted")}</Tag>
            <Button
              size="small"
              loading={provision.isPending && provision.variables === org.id}
              onClick={() => provision.mutate(org.id)}
              data-testid={`provision-${org.id}`}
            >
              {t("admin.provision")}
            </Button>
          </Space>
        ),
    },
    {
      key: "actions",
      title: t("admin.actions"),
      render: (_: unknown, org) =>
        org.roleGranted && mayRotateKey(role, org) ? (
          <Button size="small" danger onClick={() => setRotating(org)} data-testid={`rotate-key-${org.id}`}>
            {t("admin.rotateKey")}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("admin.orgsTitle")}
      </Typography.Title>
      {isOperator && <NewOrgForm />}
      <LedgerWriteStatus write={provision} testId="provision-status" />
      <RotateKeyDialog org={rotating} role={role} onClose={() => setRotating(null)} />
      {orgs.isError && !orgs.data ? (
        <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Card>
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={orgs.data?.items}
            loading={orgs.isFetching}
            scroll={{ x: "max-content" }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="orgs-table"
          />
        </Card>
      )}
    </Space>
  );
}
