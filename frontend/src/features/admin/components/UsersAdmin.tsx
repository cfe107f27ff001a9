import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OrgName } from "@/components/OrgName";
import { QueryError } from "@/components/QueryError";
import type { Role } from "@/config/roles";
import { ledgerErrorMessage } from "@/lib/errorMessages";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { useSession } from "@/lib/session";
import { useAdminOrgs, type ProvisionedOrganisation } from "../api/orgs";
import { useCreateUser, useDeleteUser, useUsers, type User } from "../api/users";
import { ResetPasswordDialog } from "./ResetPasswordDialog";

type SeatedBy = ProvisionedOrganisation["seatedBy"];

/**
 * Whether `manager` (the operator or a regulator) manages the users of an organisation that
 * `seatedBy` seats on the ledger, as the API says for each organisation (SPEC section 8): the
 * regulators manage the users of the organisations they seat, the operator those of the rest (its
 * own included). The operator may also create an organisation's first user; the API decides that.
 */
export const managesUsersOf = (manager: Role | undefined, seatedBy: SeatedBy | undefined) =>
  seatedBy !== undefined && manager === (seatedBy === "regulator" ? "regulator" : "admin");

interface NewUserValues {
  username: string;
  password: string;
  orgId: string;
}

function NewUserForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUserValues>();
  const create = useCreateUser();
  const orgs = useAdminOrgs();
  const manager = useSession()?.user.role;
  return (
    <Card title={t("admin.newUser")}>
      <Form<NewUserValues>
        form={form}
        layout="inline"
        disabled={create.isPending}
        onFinish={(values) => create.mutate(values, { onSuccess: () => form.resetFields() })}
        data-testid="new-user-form"
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="username"
          label={t("admin.username")}
          tooltip={t("admin.usernameHelp")}
          rules={[
            { required: true, message: t("admin.required") },
            { pattern: /^[A-Za-z0-9_.-]{3,64}$/, message: t("admin.usernameHelp") },
          ]}
        >
          <Input style={{ width: 180 }} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("admin.password")}
          rules={[
            { required: true, message: t("admin.required") },
            { min: MIN_PASSWORD_LENGTH, message: t("admin.passwordHelp") },
          ]}
        >
          <Input.Password style={{ width: 200 }} autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t("admin.organisation")}
          rules={[{ required: true, message: t("admin.required") }]}
        >
          <Select
            style={{ width: 280 }}
            showSearch={{ optionFilterProp: "label" }}
            aria-label={t("admin.organisation")}
            data-testid="user-org"
            options={(orgs.data?.items ?? [])
              .filter((org) => manager === "admin" || managesUsersOf(manager, org.seatedBy))
              .map((org) => ({
                value: org.id,
                label: `${org.name} (${t(`roles.${org.kind}`)})`,
              }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-user-button">
          {t("admin.create")}
        </Button>
      </Form>
      {create.isError ? (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          data-testid="create-user-error"
          title={ledgerErrorMessage(create.error, t)}
        />
      ) : null}
      {create.isSuccess ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="create-user-success"
          title={`${t("admin.created")}: ${create.data.username}`}
        />
      ) : null}
    </Card>
  );
}

/**
 * Who may sign in for which organisation: the operator's page, and the regulator's for the
 * organisations it seats; each side sees which users the other manages.
 */
export function UsersAdmin() {
  const { t } = useTranslation();
  const users = useUsers();
  const orgs = useAdminOrgs();
  const seatedByOrg = new Map(orgs.data?.items.map((org) => [org.id, org.seatedBy]));
  const remove = useDeleteUser();
  const session = useSession();
  const [resetting, setResetting] = useState<User | null>(null);

  const columns: TableProps<User>["columns"] = [
    { key: "id", title: "ID", dataIndex: "id", width: 70 },
    { key: "username", title: t("admin.username"), dataIndex: "username" },
    { key: "org", title: t("admin.organisation"), dataIndex: "orgId", render: (id: string) => <OrgName id={id} /> },
    { key: "role", title: t("admin.role"), dataIndex: "role", render: (role: User["role"]) => t(`roles.${role}`) },
    {
      key: "actions",
      title: t("admin.actions"),
      render: (_: unknown, user) => {
        const seatedBy = seatedByOrg.get(user.orgId);
        if (seatedBy === undefined) return null; // until the organisations have loaded
        if (!managesUsersOf(session?.user.role, seatedBy)) {
          // SPEC section 8: whoever seats the organisation manages its users; the other side cannot.
          return (
            <Typography.Text type="secondary" data-testid={`managed-elsewhere-${user.username}`}>
              {t(seatedBy === "regulator" ? "admin.managedByRegulator" : "admin.managedByOperator")}
            </Typography.Text>
          );
        }
        return (
          <Space size="small">
            {/* one's own password is changed like anyone's, with the current one */}
            {user.id !== session?.user.id && (
              <Button size="small" onClick={() => setResetting(user)} data-testid={`reset-password-${user.username}`}>
                {t("admin.resetPassword")}
              </Button>
            )}
            <Popconfirm
              title={t("admin.deleteConfirm", { username: user.username })}
              onConfirm={() => remove.mutate(user.id)}
            >
              <Button
                danger
                size="small"
                loading={remove.isPending && remove.variables === user.id}
                data-testid={`delete-user-${user.username}`}
              >
                {t("admin.delete")}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("admin.usersTitle")}
      </Typography.Title>
      <NewUserForm />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      {remove.isError ? (
        <Alert type="error" showIcon data-testid="delete-user-error" title={ledgerErrorMessage(remove.error, t)} />
      ) : null}
      {users.isError && !users.data ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Card>
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            scroll={{ x: "max-content" }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="users-table"
          />
        </Card>
      )}
    </Space>
  );
}
