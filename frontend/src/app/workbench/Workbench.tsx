/**
 * Each role's start page: what waits for it, every figure opening the page where that work is done.
 * The figures come from the features that own the lists (./figures); this file only arranges them.
 */
import { Button, Col, Flex, Row, Typography } from "antd";
import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { FigureCard } from "@/components/FigureCard";
import { paths } from "@/config/paths";
import type { Role } from "@/config/roles";
import { useStats } from "@/features/dashboard/api/getStats";
import { formatFen } from "@/lib/money";
import {
  CompensationQueueFigure,
  LoanViewFigure,
  MyPatentsFigure,
  MyProductsFigure,
  OrgsFigure,
  OwedFigure,
  PatentQueueFigure,
  UsersFigure,
} from "./figures";
import { EncumbranceCheck } from "./EncumbranceCheck";
import { FundCapacity } from "./FundCapacity";
import { PendingApprovals } from "./PendingApprovals";

/** One figure's place: a full row on a phone, two or four to a row on wider screens (three quarters when wide). */
function Cell({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return wide ? (
    <Col xs={24} lg={18}>
      {children}
    </Col>
  ) : (
    <Col xs={24} sm={12} lg={6}>
      {children}
    </Col>
  );
}

/** Links to pages a role works in that have no single figure. */
function Shortcuts({ links }: { links: { key: string; to: string; label: string; primary?: boolean }[] }) {
  return (
    <Flex wrap gap="small">
      {links.map(({ key, to, label, primary }) => (
        <Link key={key} to={to}>
          <Button type={primary ? "primary" : "default"} data-testid={`workbench-go-${key}`}>
            {label}
          </Button>
        </Link>
      ))}
    </Flex>
  );
}

interface SectionProps {
  orgId: string;
}

function EnterpriseWorkbench() {
  const { t } = useTranslation();
  return (
    <>
      <Shortcuts
        links={[
          { key: "register-patent", to: paths.patentRegister.href(), label: t("nav.registerPatent"), primary: true },
          { key: "products", to: paths.products.href(), label: t("nav.products") },
          { key: "apply", to: paths.loanApply.href(), label: t("apply.title") },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Cell>
          <MyPatentsFigure />
        </Cell>
        <Cell>
          <LoanViewFigure role="enterprise" view="active" testKey="active-loans" />
        </Cell>
        <Cell>
          <OwedFigure />
        </Cell>
      </Row>
    </>
  );
}

function AppraiserWorkbench() {
  return (
    <Row gutter={[16, 16]}>
      <Cell>
        <PatentQueueFigure queue="appraisal" />
      </Cell>
    </Row>
  );
}

function IpOfficeWorkbench() {
  return (
    <Row gutter={[16, 16]}>
      <Cell>
        <PatentQueueFigure queue="verification" />
      </Cell>
      <Cell>
        <LoanViewFigure role="ipoffice" view="toRegister" testKey="to-register" />
      </Cell>
      <Cell>
        <LoanViewFigure role="ipoffice" view="toRelease" testKey="to-release" />
      </Cell>
    </Row>
  );
}

function BankWorkbench({ orgId }: SectionProps) {
  return (
    <Row gutter={[16, 16]}>
      <Cell>
        <LoanViewFigure role="bank" view="applications" testKey="applications" />
      </Cell>
      <Cell>
        <LoanViewFigure role="bank" view="toDisburse" testKey="to-disburse" />
      </Cell>
      <Cell>
        <LoanViewFigure role="bank" view="overdue" testKey="overdue" />
      </Cell>
      <Cell>
        <LoanViewFigure role="bank" view="defaulted" testKey="defaulted" />
      </Cell>
      <Cell>
        <MyProductsFigure orgId={orgId} />
      </Cell>
      <Col xs={24}>
        <EncumbranceCheck />
      </Col>
    </Row>
  );
}

function FundWorkbench() {
  return (
    <Row gutter={[16, 16]}>
      <Cell wide>
        <FundCapacity />
      </Cell>
      <Cell>
        <CompensationQueueFigure />
      </Cell>
    </Row>
  );
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

function RegulatorWorkbench() {
  const { t } = useTranslation();
  const stats = useStats();
  const totals = stats.data?.totals;
  const figures: [key: string, title: string, value: number | string | undefined][] = [
    ["loans", t("dashboard.loans"), totals && sum(totals.loans)],
    ["financed", t("dashboard.financed"), totals && formatFen(totals.financed)],
    ["outstanding", t("dashboard.outstanding"), totals && formatFen(totals.outstandingPrincipal)],
    ["default-rate", t("dashboard.defaultRate"), totals && `${(totals.defaultRate * 100).toFixed(1)}%`],
  ];
  return (
    <>
      <Shortcuts
        links={[
          { key: "dashboard", to: paths.dashboard.href(), label: t("nav.dashboard"), primary: true },
          { key: "audit", to: paths.audit.href(), label: t("nav.audit") },
          { key: "integrity", to: paths.integrity.href(), label: t("nav.integrity") },
        ]}
      />
      <Row gutter={[16, 16]}>
        {figures.map(([key, title, value]) => (
          <Cell key={key}>
            <FigureCard
              testId={`workbench-${key}`}
              title={title}
              value={value}
              loading={stats.isPending}
              error={stats.isError}
              to={paths.dashboard.href()}
            />
          </Cell>
        ))}
        <Col xs={24}>
          <PendingApprovals />
        </Col>
      </Row>
    </>
  );
}

function AdminWorkbench() {
  return (
    <Row gutter={[16, 16]}>
      <Cell>
        <OrgsFigure />
      </Cell>
      <Cell>
        <UsersFigure />
      </Cell>
    </Row>
  );
}

const WORKBENCHES: Record<Role, ComponentType<SectionProps>> = {
  enterprise: EnterpriseWorkbench,
  appraiser: AppraiserWorkbench,
  ipoffice: IpOfficeWorkbench,
  bank: BankWorkbench,
  fund: FundWorkbench,
  regulator: RegulatorWorkbench,
  admin: AdminWorkbench,
};

export function Workbench({ role, orgId }: { role: Role; orgId: string }) {
  const { t } = useTranslation();
  const Section = WORKBENCHES[role];
  return (
    <Flex vertical gap="middle" data-testid="workbench">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("home.workbench")}
      </Typography.Title>
      <Section orgId={orgId} />
    </Flex>
  );
}
