import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { EVENT_KINDS } from "@/components/EventKind";
import { QueryError } from "@/components/QueryError";
import { useOrgs } from "@/lib/orgs";
import { useSession } from "@/lib/session";
import { AUDIT_ENTITIES, filtersFromSearch, filtersToSearch, type AuditFilters } from "../api/auditFilters";
import { useAuditEvents } from "../api/getAuditEvents";
import { EventsTable } from "./EventsTable";

interface FilterForm extends Omit<AuditFilters, "from" | "to"> {
  time?: [Dayjs | null, Dayjs | null] | null;
}

const toForm = (filters: AuditFilters): FilterForm => ({
  ...filters,
  time:
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null,
});

const fromForm = ({ time, ...values }: FilterForm): AuditFilters => ({
  ...values,
  entityId: values.entityId?.trim() || undefined,
  fromBlock: values.fromBlock ?? undefined,
  toBlock: values.toBlock ?? undefined,
  from: time?.[0] ? time[0].startOf("day").toISOString() : undefined,
  to: time?.[1] ? time[1].endOf("day").toISOString() : undefined,
});

/**
 * The audit trail: every ledger event (the regulator) or the caller's own, filtered, newest first,
 * a page at a time. The filters live in the URL.
 */
export function AuditExplorer() {
  const { t } = useTranslation();
  const regulator = useSession()?.user.role === "regulator";
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const events = useAuditEvents(filters);
  const orgs = useOrgs();
  const [form] = Form.useForm<FilterForm>();

  const apply = (values: FilterForm) =>
    setParams(new URLSearchParams(filtersToSearch(fromForm(values))), { replace: true });
  const reset = () => {
    form.resetFields();
    setParams(new URLSearchParams(), { replace: true });
  };
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("audit.title")}
      </Typography.Title>
      {regulator ? null : <Alert type="info" showIcon title={t("audit.ownEvents")} />}
      <Card>
        <Form<FilterForm>
          form={form}
          layout="inline"
          initialValues={toForm(filters)}
          key={params.toString()}
          onFinish={apply}
          data-testid="audit-filters"
          style={{ rowGap: 12 }}
        >
          <Form.Item name="entity" label={t("audit.entity")}>
            <Select
              allowClear
              style={{ width: 140 }}
              aria-label={t("audit.entity")}
              options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`audit.entities.${entity}`) }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label={t("audit.entityId")}>
            <Input allowClear style={{ width: 200 }} data-testid="filter-entity-id" />
          </Form.Item>
          {regulator ? (
            <Form.Item name="orgId" label={t("audit.organisation")}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                style={{ width: 200 }}
                aria-label={t("audit.organisation")}
                options={[...(orgs.data?.values() ?? [])].map((org) => ({ value: org.id, label: org.name }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="kind" label={t("audit.kind")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 200 }}
              aria-label={t("audit.kind")}
              data-testid="filter-kind"
              options={EVENT_KINDS.map((kind) => ({ value: kind, label: `${t(`eventKinds.${kind}`)} (${kind})` }))}
            />
          </Form.Item>
          <Form.Item name="fromBlock" label={t("audit.fromBlock")}>
            <InputNumber min={0} precision={0} style={{ width: 120 }} data-testid="filter-from-block" />
          </Form.Item>
          <Form.Item name="toBlock" label={t("audit.toBlock")}>
            <InputNumber min={0} precision={0} style={{ width: 120 }} data-testid="filter-to-block" />
          </Form.Item>
          <Form.Item name="time" label={t("audit.timeRange")}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Flex gap="small">
            <Button type="primary" htmlType="submit" data-testid="audit-apply">
              {t("audit.apply")}
            </Button>
            <Button onClick={reset}>{t("app.reset")}</Button>
          </Flex>
        </Form>
      </Card>
      {events.isError && !events.data ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Card>
          <EventsTable events={items} loading={events.isFetching && !events.isFetchingNextPage} />
          <Flex justify="center" style={{ marginTop: 16 }}>
            {events.hasNextPage ? (
              <Button
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
                data-testid="audit-load-more"
              >
                {t("audit.loadMore")}
              </Button>
            ) : events.data && items.length > 0 ? (
              <Typography.Text type="secondary">{t("audit.end")}</Typography.Text>
            ) : null}
          </Flex>
        </Card>
      )}
    </Space>
  );
}
