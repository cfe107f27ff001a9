import { Card, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

export interface FigureCardProps {
  testId: string;
  title: ReactNode;
  /** the figure; a number gets thousands separators, a string (an amount, say) shows as it is */
  value: number | string | undefined;
  /** where the work behind the figure is done: the figure links there */
  to: string;
  loading?: boolean;
  error?: boolean;
  /** a line under the figure */
  children?: ReactNode;
}

/**
 * One figure of a start page: a count or an amount that opens the page where it is worked on. A
 * failed load shows a dash rather than a zero, which would read as "nothing to do".
 */
export function FigureCard({ testId, title, value, to, loading, error, children }: FigureCardProps) {
  const { t } = useTranslation();
  const failed = Boolean(error) && value === undefined;
  return (
    <Card data-testid={testId} style={{ height: "100%" }}>
      <Statistic
        title={title}
        value={failed ? "—" : (value ?? "…")}
        loading={loading && value === undefined}
        // a long amount wraps rather than push a narrow card wider than a phone
        styles={{ content: { overflowWrap: "anywhere" } }}
        valueRender={(node) => (
          <Link to={to} data-testid={`${testId}-link`}>
            {node}
          </Link>
        )}
      />
      {failed && <Typography.Text type="danger">{t("home.loadFailed")}</Typography.Text>}
      {children && <div style={{ marginTop: 8 }}>{children}</div>}
    </Card>
  );
}
